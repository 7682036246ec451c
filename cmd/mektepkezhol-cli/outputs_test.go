package main

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const hostileName = `=HYPERLINK("http://example.invalid/?x","Нұр")`

// TestExportDefusesFormulas exports a sponsor named as a formula: the csv
// cell gets a leading «'», the xlsx cell is text, no formula.
func TestExportDefusesFormulas(t *testing.T) {
	db := smallDemoDB(t)
	rawDB(t, db, `UPDATE sponsors SET name = ? WHERE id = (SELECT min(id) FROM sponsors)`, hostileName)
	dir := t.TempDir()
	csvPath, xlsxPath := filepath.Join(dir, "s.csv"), filepath.Join(dir, "s.xlsx")
	// an old export, readable by anyone, is replaced by a private one
	if err := os.WriteFile(csvPath, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{csvPath, xlsxPath} {
		if code, _, stderr := cli(t, "--db", db, "export", "sponsors", "--out", out); code != 0 {
			t.Fatalf("export: exit %d: %s", code, stderr)
		}
		if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v, %v; want mode 0600", out, fi.Mode(), err)
		}
	}
	b, _ := os.ReadFile(csvPath)
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, rec := range recs {
		for _, f := range rec {
			if strings.Contains(f, "HYPERLINK") {
				found = true
				if f != "'"+hostileName {
					t.Fatalf("csv cell %q, want it after a «'»", f)
				}
			}
		}
	}
	if !found {
		t.Fatal("the sponsor is not in the csv")
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	for i, row := range rows {
		for j, v := range row {
			if !strings.Contains(v, "HYPERLINK") {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if formula, _ := f.GetCellFormula(f.GetSheetList()[0], cell); formula != "" || v != hostileName {
				t.Fatalf("xlsx %s: value %q formula %q; want the text, no formula", cell, v, formula)
			}
			return
		}
	}
	t.Fatal("the sponsor is not in the xlsx")
}

// TestOutputsRefused: no report or backup replaces the database, its WAL,
// or a device.
func TestOutputsRefused(t *testing.T) {
	db := smallDemoDB(t)
	folder := filepath.Join(t.TempDir(), "folder.csv")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		{"report", "--campaign", "2019", "--format", "pdf", "--out", db},
		{"report", "--campaign", "2019", "--format", "pdf", "--out", db + "-wal"},
		{"export", "children", "--out", db + "-shm.csv"}, // an ordinary name: written
		{"backup", "--out", db},
		{"backup", "--out", "/dev/full"},
		{"export", "children", "--out", folder},
	}
	for _, args := range tests {
		code, _, stderr := cli(t, append([]string{"--db", db}, args...)...)
		out := args[len(args)-1]
		if strings.HasSuffix(out, "-shm.csv") {
			if code != 0 {
				t.Errorf("%v: exit %d: %s", args, code, stderr)
			}
			continue
		}
		if code == 0 {
			t.Errorf("%v: exit 0, want refused", args)
		}
	}
	if fi, err := os.Stat("/dev/full"); err == nil && fi.Mode().IsRegular() {
		t.Fatal("/dev/full became a regular file")
	}
	if code, out, _ := cli(t, "--db", db, "check"); code != 0 || !strings.HasPrefix(out, "ok") {
		t.Fatalf("check after the refusals: exit %d: %s", code, out)
	}
}

func rawDB(t *testing.T, path, query string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}
