package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image/png"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// maxRenderDPI bounds the resolution of RenderPage: a huge page at a high
// resolution would need gigabytes of pixels.
const maxRenderDPI = 300

// maxRenderPixels bounds the pixels of one rendered page (about 100 MB of
// RGBA), whatever the page size.
const maxRenderPixels = 25_000_000

// RenderPage renders page (1-based) of the PDF data as a PNG at dpi dots
// per inch, annotations included. The image has the displayed page's
// orientation, so a box of extract.Loc.BBox maps to pixels by dpi/72.
func RenderPage(ctx context.Context, data []byte, page, dpi int) ([]byte, error) {
	if dpi < 1 || dpi > maxRenderDPI {
		return nil, fmt.Errorf("resolution %d dpi out of range 1–%d", dpi, maxRenderDPI)
	}
	var out []byte
	err := withDocument(ctx, data, func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error {
		n, err := pageCount(inst, doc)
		if err != nil {
			return err
		}
		if page < 1 || page > n {
			return usageError{fmt.Sprintf("page %d out of range: the PDF has %d pages", page, n)}
		}
		size, err := inst.GetPageSizeInPixels(&requests.GetPageSizeInPixels{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: page - 1}}, DPI: dpi})
		if err != nil {
			return err
		}
		if size.Width*size.Height > maxRenderPixels {
			return usageError{fmt.Sprintf("page %d is too large to render at %d dpi", page, dpi)}
		}
		img, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: page - 1}}, DPI: dpi})
		if err != nil {
			return err
		}
		defer img.Cleanup()
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, img.Result.RenderedImage); err != nil {
			return usageError{fmt.Sprintf("encoding page %d as PNG: %v", page, err)}
		}
		out = buf.Bytes()
		return nil
	})
	return out, err
}
