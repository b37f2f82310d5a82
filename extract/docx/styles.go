package docx

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// defs are the document-wide definitions that paragraphs refer to.
type defs struct {
	styles    *styleSheet
	numbering *numbering
}

type style struct {
	id, name, basedOn      string
	outline                int
	outlineSet             bool
	num                    numRef
	pageBreakBefore, pbSet bool
}

type styleSheet struct {
	byID         map[string]*style
	defaultParaS string
}

func newStyleSheet() *styleSheet { return &styleSheet{byID: map[string]*style{}} }

// parseStyles reads the paragraph styles of word/styles.xml.
func parseStyles(p *parser, ss *styleSheet) error {
	return p.root(func(se xmlStart) error {
		if !isW(se.Name) || se.Name.Local != "style" {
			return p.skip()
		}
		if t := attr(se, "type"); t != "" && t != "paragraph" {
			return p.skip()
		}
		s := &style{id: attr(se, "styleId")}
		if onOffAttr(attr(se, "default")) && ss.defaultParaS == "" {
			ss.defaultParaS = s.id
		}
		err := p.children(func(c xmlStart) error {
			if !isW(c.Name) {
				return p.skip()
			}
			switch c.Name.Local {
			case "name":
				s.name = attr(c, "val")
			case "basedOn":
				s.basedOn = attr(c, "val")
			case "pPr":
				var pp paraProps
				err := p.paraProps(&pp)
				s.outline, s.outlineSet = pp.outline, pp.outlineSet
				s.num = pp.num
				s.pageBreakBefore, s.pbSet = pp.pageBreakBefore, pp.pageBreakSet
				return err
			}
			return p.skip()
		})
		if _, dup := ss.byID[s.id]; !dup {
			ss.byID[s.id] = s
		}
		return err
	})
}

func onOffAttr(v string) bool {
	switch strings.ToLower(v) {
	case "1", "true", "on":
		return true
	}
	return false
}

// chain returns the style and its ancestors (basedOn), nearest first,
// starting from the paragraph's style or the default paragraph style.
func (ss *styleSheet) chain(id string) []*style {
	if id == "" {
		id = ss.defaultParaS
	}
	var out []*style
	for i := 0; i < 16 && id != ""; i++ { // bounded: basedOn may loop
		s := ss.byID[id]
		if s == nil {
			break
		}
		out = append(out, s)
		id = s.basedOn
	}
	return out
}

// headingLevelFromName recognises the built-in heading names, English
// ("heading 1", as Word stores them whatever the UI language) and Chinese
// ("标题 1", as WPS writes them).
func headingLevelFromName(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, prefix := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(n, prefix); ok {
			rest = strings.TrimSpace(rest)
			if len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
				return int(rest[0] - '0')
			}
		}
	}
	return 0
}

// headingOf decides whether a paragraph is a heading: a direct outline level
// wins, then the nearest outline level or heading name in the style chain.
// Outline level 9 is "body text".
func (d *defs) headingOf(pp paraProps) (extract.BlockKind, int) {
	level := func(outline int) (extract.BlockKind, int) {
		if outline >= 0 && outline <= 8 {
			return extract.Heading, outline + 1
		}
		return extract.Paragraph, 0
	}
	if pp.outlineSet {
		return level(pp.outline)
	}
	for _, s := range d.styles.chain(pp.styleID) {
		if s.outlineSet {
			return level(s.outline)
		}
		if n := headingLevelFromName(s.name); n > 0 {
			return extract.Heading, n
		}
	}
	return extract.Paragraph, 0
}

// numberingOf returns the paragraph's list reference: direct w:numPr, else
// the style chain's (whose level may come from the list's w:pStyle link).
func (d *defs) numberingOf(pp paraProps) (numRef, bool) {
	ref := pp.num
	if !ref.set {
		for _, s := range d.styles.chain(pp.styleID) {
			if s.num.set {
				ref = s.num
				ref.fromStyleFor = pp.styleID
				if pp.num.ilvlSet {
					ref.ilvl, ref.ilvlSet = pp.num.ilvl, true
				}
				break
			}
		}
	}
	if !ref.set || ref.numID == "" || ref.numID == "0" {
		return numRef{}, false
	}
	return ref, true
}

func (d *defs) pageBreakBefore(pp paraProps) bool {
	if pp.pageBreakSet {
		return pp.pageBreakBefore
	}
	for _, s := range d.styles.chain(pp.styleID) {
		if s.pbSet {
			return s.pageBreakBefore
		}
	}
	return false
}
