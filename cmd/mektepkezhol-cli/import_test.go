package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// smallDemoDB makes a small demo database for the import and export commands.
func smallDemoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := cli(t, "--db", db, "demo", "--children", "120", "--sponsors", "15", "--distributions", "100"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return db
}

func countChildren(t *testing.T, db string) int {
	t.Helper()
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.CountChildren(context.Background(), data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportCommand(t *testing.T) {
	db := smallDemoDB(t)
	good, _ := data.MakeIIN(time.Date(2011, 4, 5, 0, 0, 0, 0, time.UTC), data.Male, 4321)
	list := filepath.Join(t.TempDir(), "list.csv")
	text := "\ufeffСписок учащихся\nИИН,ФИО,Класс\n" + string(good) + ",Жаңаев Ерлан,3 «б»\n791028302729,Қате Адам,4 А\nИтого,2,\n"
	if err := os.WriteFile(list, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	before := countChildren(t, db)

	code, out, stderr := cli(t, "--db", db, "import", "children", list, "--school", "7", "--dry-run", "--json", "--lang", "ru")
	if code != exitProblems {
		t.Fatalf("dry run with a rejected row: exit %d, want %d: %s", code, exitProblems, stderr)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if want := []string{"columns", "donations_added", "duplicates", "imported", "in_kind_added", "items_added",
		"money_tenge_added", "problems", "rejected", "rows", "unchanged", "updated"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("JSON keys %v, want %v", keys, want)
	}
	var sum struct {
		Rows, Imported, Rejected int
		Problems                 []map[string]any
	}
	json.Unmarshal([]byte(out), &sum)
	if sum.Rows != 2 || sum.Imported != 1 || sum.Rejected != 1 || len(sum.Problems) != 1 {
		t.Fatalf("summary %s", out)
	}
	p := sum.Problems[0]
	if p["row"].(float64) != 4 || p["value"] != "791028302729" || !strings.Contains(p["column"].(string), "ИИН") ||
		!strings.Contains(p["message"].(string), "Строка 4") {
		t.Fatalf("problem %v: want row 4 of the file, column ИИН, the original value", p)
	}
	if n := countChildren(t, db); n != before {
		t.Fatalf("--dry-run saved %d children", n-before)
	}

	if code, out, _ := cli(t, "--db", db, "import", "children", list, "--school", "7"); code != exitProblems ||
		!strings.Contains(out, "1 new") || !strings.Contains(out, "4-жол") {
		t.Fatalf("import: exit %d\n%s", code, out)
	}
	if n := countChildren(t, db); n != before+1 {
		t.Fatalf("import saved %d children, want 1", n-before)
	}
	if code, out, _ := cli(t, "--db", db, "import", "children", list, "--school", "7", "--json"); code != exitProblems ||
		!strings.Contains(out, `"unchanged": 1`) {
		t.Fatalf("second import: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{
		{"import", "pupils", list},
		{"import", "children"},
		{"import", "sponsors", list, "--school", "7"},
	} {
		if code, _, _ := cli(t, append([]string{"--db", db}, args...)...); code != exitUsage {
			t.Fatalf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestExportCommand(t *testing.T) {
	db := smallDemoDB(t)
	dir := t.TempDir()
	for _, list := range []string{"children", "sponsors", "donations", "distributions", "appeals"} {
		for _, ext := range []string{".xlsx", ".csv"} {
			out := filepath.Join(dir, list+ext)
			code, stdout, stderr := cli(t, "--db", db, "export", list, "--campaign", "2019", "--out", out)
			if code != 0 {
				t.Fatalf("export %s: exit %d: %s", list, code, stderr)
			}
			fi, err := os.Stat(out)
			if err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("%s: mode %v, %v; want 0600", out, fi.Mode(), err)
			}
			if list == "children" && !strings.HasPrefix(stdout, "120 rows") {
				t.Fatalf("export children: %s", stdout)
			}
		}
	}
	// The same filters as the list: the helped children are the summary's.
	_, sumJSON, _ := cli(t, "--db", db, "summary", "--campaign", "2019", "--json")
	var sum struct {
		Helped int `json:"children_helped"`
	}
	json.Unmarshal([]byte(sumJSON), &sum)
	_, stdout, _ := cli(t, "--db", db, "export", "children", "--campaign", "2019", "--helped", "yes", "--out", filepath.Join(dir, "h.csv"))
	if want := fmt.Sprintf("%d rows", sum.Helped); sum.Helped == 0 || !strings.HasPrefix(stdout, want) {
		t.Fatalf("helped export: %q, want %q", stdout, want)
	}
	// The export imports back unchanged.
	code, out, _ := cli(t, "--db", db, "import", "children", filepath.Join(dir, "children.xlsx"), "--json")
	if code != 0 || !strings.Contains(out, `"unchanged": 120`) {
		t.Fatalf("re-import: exit %d\n%s", code, out)
	}
	if code, _, stderr := cli(t, "--db", db, "export", "template", "--school", "7", "--out", filepath.Join(dir, "t.xlsx")); code != 0 {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{
		{"export", "children"},
		{"export", "children", "--out", filepath.Join(dir, "x.pdf")},
		{"export", "pupils", "--out", filepath.Join(dir, "x.csv")},
	} {
		if code, _, _ := cli(t, append([]string{"--db", db}, args...)...); code != exitUsage {
			t.Fatalf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestBackupRestoreCommands(t *testing.T) {
	db := smallDemoDB(t)
	dir := t.TempDir()
	backup := filepath.Join(dir, "b.db")
	if code, _, stderr := cli(t, "--db", db, "backup", "--out", backup); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	_, want, _ := cli(t, "--db", db, "summary", "--campaign", "2019", "--json")
	good, _ := data.MakeIIN(time.Date(2012, 1, 2, 0, 0, 0, 0, time.UTC), data.Female, 77)
	list := filepath.Join(dir, "l.csv")
	os.WriteFile(list, []byte("ЖСН;Тегі;Аты\n"+string(good)+";Кейін;Келген\n"), 0o600)
	if code, _, _ := cli(t, "--db", db, "import", "children", list); code != 0 {
		t.Fatal("import after the backup failed")
	}
	code, out, stderr := cli(t, "--db", db, "restore", backup)
	if code != 0 || !strings.Contains(out, "before-restore") {
		t.Fatalf("restore: exit %d: %s %s", code, out, stderr)
	}
	if _, got, _ := cli(t, "--db", db, "summary", "--campaign", "2019", "--json"); got != want {
		t.Fatalf("restored summary\n%s\nwant\n%s", got, want)
	}
	if code, _, _ := cli(t, "--db", db, "restore", list); code != exitProblems {
		t.Fatalf("restore of a csv: exit %d, want %d", code, exitProblems)
	}
	if code, out, _ := cli(t, "--db", db, "backup", "--auto", "--dir", dir, "--keep", "2"); code != 0 || !strings.Contains(out, "written") {
		t.Fatalf("auto backup: exit %d: %s", code, out)
	}
	if code, out, _ := cli(t, "--db", db, "backup", "--auto", "--dir", dir); code != 0 || !strings.Contains(out, "already") {
		t.Fatalf("second auto backup: exit %d: %s", code, out)
	}
}
