package corpus

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Dump renders a batch output — a directory sink or an SQLite database — as
// text that does not depend on the order in which workers finished: every
// table's rows sorted (CSV headers kept first), the ledger left out. Two runs
// over the same inputs give the same dump, which is how resumed runs are
// compared with uninterrupted ones.
func Dump(out string) (string, error) {
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return dumpDir(out)
	}
	return dumpSQLite(out)
}

func dumpDir(dir string) (string, error) {
	var out strings.Builder
	for _, name := range dirFileNames() {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return "", err
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		head := 0
		if strings.HasSuffix(name, ".csv") {
			head = 1
		}
		slices.Sort(lines[head:])
		fmt.Fprintf(&out, "== %s\n%s\n", name, strings.Join(lines, "\n"))
	}
	return out.String(), nil
}

func dumpSQLite(path string) (string, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer db.Close()
	var out strings.Builder
	names := []string{"meta"}
	for _, tb := range Tables {
		names = append(names, tb.Name)
	}
	for _, name := range names {
		lines, err := sortedRows(db, name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&out, "== %s (%d rows)\n%s\n", name, len(lines), strings.Join(lines, "\n"))
	}
	return out.String(), nil
}

func sortedRows(db *sql.DB, table string) ([]string, error) {
	rows, err := db.Query(`SELECT * FROM "` + table + `"`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		lines = append(lines, fmt.Sprintf("%#v", vals))
	}
	slices.Sort(lines)
	return lines, rows.Err()
}
