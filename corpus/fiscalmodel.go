package corpus

// fiscalModel is the Fiscal Data Package "model" of datapackage.json: how
// the columns of fiscal.csv map to the measure and dimensions of
// OpenSpending's fiscal data model. Direction and phase vary by row, so
// they are dimensions rather than properties of the measure.
type fiscalModel struct {
	Measures   map[string]measure   `json:"measures"`
	Dimensions map[string]dimension `json:"dimensions"`
}

type measure struct {
	Source   string `json:"source"`
	Resource string `json:"resource"`
	Currency string `json:"currency"`
	Factor   int    `json:"factor"`
}

type dimension struct {
	DimensionType      string               `json:"dimensionType"`
	ClassificationType string               `json:"classificationType,omitempty"`
	Attributes         map[string]attribute `json:"attributes"`
	PrimaryKey         []string             `json:"primaryKey"`
}

type attribute struct {
	Source   string `json:"source"`
	Resource string `json:"resource"`
	LabelFor string `json:"labelfor,omitempty"`
	Parent   string `json:"parent,omitempty"`
}

// fiscalDimensions lists the model's dimensions: type, classification
// type, and the fiscal columns that are its attributes (the first is the
// key; "name:label" marks a label of the key).
var fiscalDimensions = []struct {
	name, typ, classification string
	attrs                     []string
}{
	{"administrative", "classification", "administrative", []string{"organization"}},
	{"fiscal_period", "datetime", "", []string{"fiscal_year"}},
	{"direction", "other", "", []string{"direction"}},
	{"phase", "other", "", []string{"phase", "phase_label:label"}},
	{"functional_classification", "classification", "functional", []string{"functional_code", "functional_name:label", "level"}},
	{"economic_classification", "classification", "economic", []string{"economic_code", "economic_name:label"}},
	{"line_item", "fact", "", []string{"sha256", "fact", "item", "column_path", "total", "amount_text", "unit"}},
	{"document", "other", "", []string{"document_kind"}},
	{"source_table", "other", "", []string{"table_id", "table_kind", "table_title", "table_row", "table_col", "page", "line"}},
}

func newFiscalModel() fiscalModel {
	m := fiscalModel{
		Measures: map[string]measure{
			"amount": {Source: "amount", Resource: fiscalTable.Name, Currency: "CNY", Factor: 1},
		},
		Dimensions: map[string]dimension{},
	}
	for _, d := range fiscalDimensions {
		dim := dimension{DimensionType: d.typ, ClassificationType: d.classification, Attributes: map[string]attribute{}}
		for i, a := range d.attrs {
			col, label := a, false
			if n := len(a) - len(":label"); n > 0 && a[n:] == ":label" {
				col, label = a[:n], true
			}
			at := attribute{Source: col, Resource: fiscalTable.Name}
			if label {
				at.LabelFor = d.attrs[0]
			}
			dim.Attributes[col] = at
			if i == 0 || d.name == "line_item" && col == "fact" {
				dim.PrimaryKey = append(dim.PrimaryKey, col)
			}
		}
		m.Dimensions[d.name] = dim
	}
	return m
}
