package schema

import (
	_ "embed"
	"slices"
)

// JSONSchemaFile is the name of the committed JSON Schema of Version.
const JSONSchemaFile = "budgetdoc-v1.schema.json"

// jsonSchema is generated from the Go types of this package by the test
// TestJSONSchemaFileIsCurrent (run `go generate ./schema` to rewrite it), so
// that any change to the contract shows up in review as a change to this
// file, and the generator stays out of the binary.
//
//go:generate go test . -run ^TestJSONSchemaFileIsCurrent$ -args -update
//go:embed budgetdoc-v1.schema.json
var jsonSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of Document: the shape of
// the Go types plus the constraints of the contract — the schema constant,
// decimal strings without exponent or separators, the enumerations, 1-based
// locations and the required fields. Unknown properties are allowed, because
// fields may be added within v1. The caller may modify the returned slice.
func JSONSchema() []byte {
	return slices.Clone(jsonSchema)
}
