package pdf

import (
	"os"
	"reflect"
	"testing"

	"github.com/klippa-app/go-pdfium/requests"
)

// TestDirectMatchesAPI reads every page of the fixtures (and of the corpus
// when present) both through go-pdfium's API and through direct calls: the
// raw pages (characters, boxes, rules, dropped counts) must be identical.
func TestDirectMatchesAPI(t *testing.T) {
	paths := testPDFs(t)
	eng, err := getEngine()
	if err != nil {
		t.Fatal(err)
	}
	inst := testInstance(t, eng)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
		if err != nil {
			continue // the password fixture
		}
		doc := opened.Document
		direct := newDirectCalls(inst, doc)
		if direct == nil {
			t.Fatalf("%s: direct calls unavailable (go-pdfium internals changed?)", path)
		}
		count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
		if err != nil {
			t.Fatal(err)
		}
		for i := range count.PageCount {
			viaAPI, errAPI := readPageAPI(inst, doc, i)
			viaDirect, errDirect := direct.readPage(i)
			if (errAPI == nil) != (errDirect == nil) {
				t.Errorf("%s page %d: API error %v, direct error %v", path, i+1, errAPI, errDirect)
				continue
			}
			if !reflect.DeepEqual(viaAPI, viaDirect) {
				t.Errorf("%s page %d: direct calls read the page differently", path, i+1)
			}
		}
		direct.close()
		inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	}
}
