package check

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
)

// SARIF 2.1.0 output: the subset of the OASIS format that code-scanning
// tools read — one run, the rule catalogue as tool.driver.rules (with each
// rule's documentation as fullDescription and help), one result
// per finding with a physical location (the document as artifact, page as
// a logical location and line as the region's start line).

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifMessage      `json:"shortDescription"`
	FullDescription      sarifMessage      `json:"fullDescription"`
	Help                 sarifMultiformat  `json:"help"`
	Properties           map[string]string `json:"properties,omitempty"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

// sarifMultiformat is SARIF's multiformatMessageString: plain text, and
// Markdown for viewers that render it.
type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation struct {
		URI string `json:"uri"`
	} `json:"artifactLocation"`
	Region struct {
		StartLine int           `json:"startLine"`
		Snippet   *sarifMessage `json:"snippet,omitempty"`
	} `json:"region"`
}

type sarifLogical struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// sarifLevel maps a severity to SARIF's level names.
func sarifLevel(s string) string {
	switch s {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

// WriteSARIF writes all documents' findings as one SARIF 2.1.0 log.
func WriteSARIF(w io.Writer, docs []DocResult) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "budgetdoc"}}, Results: []sarifResult{}}
	index := map[string]int{}
	for i, r := range All {
		sr := sarifRule{ID: r.ID, ShortDescription: sarifMessage{Text: r.Doc}, FullDescription: sarifMessage{Text: r.Why},
			Help:       sarifMultiformat{Text: helpMarkdown(r), Markdown: ruleDoc(r)},
			Properties: map[string]string{"since": r.Since}}
		sr.DefaultConfiguration.Level = sarifLevel(string(r.Severity))
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sr)
		index[r.ID] = i
	}
	for _, d := range docs {
		uri := filepath.ToSlash(d.Path)
		for _, f := range d.Findings {
			var loc sarifLocation
			loc.PhysicalLocation.ArtifactLocation.URI = uri
			loc.PhysicalLocation.Region.StartLine = max(1, f.Loc.Line)
			if f.Evidence != "" {
				loc.PhysicalLocation.Region.Snippet = &sarifMessage{Text: f.Evidence}
			}
			if f.Loc.Page > 0 {
				loc.LogicalLocations = []sarifLogical{{Name: "page " + itoa(f.Loc.Page), Kind: "module"}}
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
				Message:   sarifMessage{Text: strings.TrimSpace(f.Message)},
				Locations: []sarifLocation{loc},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
