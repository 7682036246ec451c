package main

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/mektepkezhol/app/report/pdftest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// districtRow is what the roll-up's district table must show for an office.
func districtRow(name string, s data.Summary) []string {
	return []string{name, fmt.Sprint(s.Children), fmt.Sprint(s.ChildrenHelped), fmt.Sprint(s.ItemsDistributed),
		fmt.Sprint(s.MoneyTenge), fmt.Sprint(s.Sponsors), fmt.Sprint(s.Appeals.Total)}
}

// sheetRows reads a sheet's raw values.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: sheet %s: %v (sheets %v)", path, sheet, err, f.GetSheetList())
	}
	return rows
}

// checkDistrictSheet compares the sheet's district rows and total with the
// offices' own summaries.
func checkDistrictSheet(t *testing.T, path, sheet string, names []string, sums []data.Summary) {
	t.Helper()
	rows := sheetRows(t, path, sheet)
	byName := map[string][]string{}
	for _, r := range rows {
		if len(r) >= 7 {
			byName[r[0]] = r[:7]
		}
	}
	var total data.Summary
	for i, name := range names {
		if got, want := fmt.Sprint(byName[name]), fmt.Sprint(districtRow(name, sums[i])); got != want {
			t.Errorf("%s: row %s, want %s", sheet, got, want)
		}
		s := sums[i]
		total.Children += s.Children
		total.ChildrenHelped += s.ChildrenHelped
		total.ItemsDistributed += s.ItemsDistributed
		total.MoneyTenge += s.MoneyTenge
		total.Sponsors += s.Sponsors
		total.Appeals.Total += s.Appeals.Total
	}
	last := rows[len(rows)-1]
	if got, want := fmt.Sprint(last[1:7]), fmt.Sprint(districtRow("", total)[1:]); got != want {
		t.Errorf("%s: total row %v, want %v", sheet, last, want)
	}
}

func TestReportRollUp(t *testing.T) {
	a, b := smallDemo(t, 200, 7), smallDemo(t, 120, 8)
	sa, sb := storeSummaries(t, a)[2019], storeSummaries(t, b)[2019]
	bDSN := b
	if datatest.OnServer() {
		// one district on the server, as after `migrate`
		bDSN = datatest.DSN(t)
		migrateJSON(t, b, bDSN)
	}
	dir := t.TempDir()
	pdf, xlsx := filepath.Join(dir, "region.pdf"), filepath.Join(dir, "region.xlsx")
	districts := []string{"--district", "Теміртау=" + a, "--district", "Абай=" + bDSN}
	code, out, stderr := cli(t, append([]string{"report", "--campaign", "2019", "--format", "pdf", "--lang", "ru",
		"--out", pdf}, districts...)...)
	if code != 0 || strings.TrimSpace(out) != pdf {
		t.Fatalf("roll-up pdf: exit %d, %q: %s", code, out, stderr)
	}
	text := pdftest.Text(t, pdf)
	if !strings.Contains(text, "По районам") {
		t.Fatalf("the roll-up PDF has no district table:\n%s", text)
	}
	// the district table's lines, from its heading to its total
	lines := map[string]string{}
	table := text[strings.Index(text, "По районам"):]
	for _, l := range strings.Split(table, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			lines[f[0]] = strings.Join(f, " ")
			if f[0] == "Всего" {
				break
			}
		}
	}
	for _, d := range []struct {
		name string
		s    data.Summary
	}{{"Теміртау", sa}, {"Абай", sb}} {
		want := strings.Join([]string{d.name, data.FormatNumber(int64(d.s.Children)), data.FormatNumber(int64(d.s.ChildrenHelped)),
			data.FormatNumber(d.s.ItemsDistributed), data.FormatNumber(d.s.MoneyTenge), data.FormatNumber(int64(d.s.Sponsors)),
			data.FormatNumber(int64(d.s.Appeals.Total))}, " ")
		if got := lines[d.name]; got != want {
			t.Errorf("PDF row %q, want %q", got, want)
		}
	}
	if want := "Всего " + data.FormatNumber(int64(sa.Children+sb.Children)) + " " +
		data.FormatNumber(int64(sa.ChildrenHelped+sb.ChildrenHelped)) + " " + data.FormatNumber(sa.ItemsDistributed+sb.ItemsDistributed) +
		" " + data.FormatNumber(sa.MoneyTenge+sb.MoneyTenge); !strings.HasPrefix(lines["Всего"], want) {
		t.Errorf("PDF total row %q, want %q…", lines["Всего"], want)
	}

	code, _, stderr = cli(t, append([]string{"report", "--campaign", "2019", "--format", "xlsx", "--out", xlsx}, districts...)...)
	if code != 0 {
		t.Fatalf("roll-up xlsx: exit %d: %s", code, stderr)
	}
	checkDistrictSheet(t, xlsx, "Аудандар", []string{"Теміртау", "Абай"}, []data.Summary{sa, sb})
	if fi, err := os.Stat(xlsx); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("roll-up mode %v (%v), want 0644", fi.Mode().Perm(), err)
	}
	summary := sheetRows(t, xlsx, "Жиынтық")
	if got, want := summary[4][1], fmt.Sprint(sa.MoneyTenge+sb.MoneyTenge); got != want {
		t.Errorf("Жиынтық!B5 = %s, want the money of both districts %s", got, want)
	}

	// One office's report has no district table.
	single := filepath.Join(dir, "single.pdf")
	if code, _, stderr := cli(t, "--db", a, "report", "--campaign", "2019", "--format", "pdf", "--lang", "ru", "--out", single); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if strings.Contains(pdftest.Text(t, single), "По районам") {
		t.Error("one office's report has a district table")
	}

	missing := filepath.Join(dir, "typo.db")
	bad := []struct {
		name string
		args []string
		code int
	}{
		{"no name", []string{"--district", a}, exitUsage},
		{"empty dsn", []string{"--district", "Абай="}, exitUsage},
		{"twice", []string{"--district", "A=" + a, "--district", "A=" + b}, exitUsage},
		{"no campaign", []string{"--district", "A=" + a, "--campaign", "0"}, exitUsage},
		{"missing file", []string{"--district", "A=" + a, "--district", "B=" + missing}, exitProblems},
		{"unknown campaign", []string{"--district", "A=" + a, "--campaign", "2031"}, exitProblems},
		{"districts-in a file", []string{"--districts-in", a}, exitUsage},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "r.pdf")
			args := append([]string{"report", "--campaign", "2019", "--format", "pdf", "--out", out}, tt.args...)
			if code, _, stderr := cli(t, args...); code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, stderr)
			}
			for _, p := range []string{out, missing} {
				if _, err := os.Stat(p); !os.IsNotExist(err) {
					t.Errorf("%s was written (%v)", p, err)
				}
			}
		})
	}
}

// TestReportDistrictsIn migrates two offices into their schemas of one
// regional database and rolls up every office found there, each labelled
// by its department's name in the report's language.
func TestReportDistrictsIn(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("--districts-in reads a server database (run under .ci/with-postgres)")
	}
	region := regionDatabase(t)
	a, b := smallDemo(t, 150, 21), smallDemo(t, 100, 22)
	departments := map[string]string{"temirtau": "Отдел образования города Темиртау", "abai": "Отдел образования Абайского района"}
	for schema, file := range map[string]string{"temirtau": a, "abai": b} {
		u, _ := url.Parse(region)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		migrateJSON(t, file, u.String())
		st, err := data.Open(u.String())
		if err != nil {
			t.Fatal(err)
		}
		set, err := st.Settings(context.Background())
		if err == nil {
			set.DepartmentRU = departments[schema]
			err = st.SaveSettings(context.Background(), set)
		}
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	xlsx := filepath.Join(t.TempDir(), "region.xlsx")
	if code, _, stderr := cli(t, "report", "--campaign", "2019", "--format", "xlsx", "--lang", "ru", "--out", xlsx,
		"--districts-in", region); code != 0 {
		t.Fatalf("report --districts-in: exit %d: %s", code, stderr)
	}
	checkDistrictSheet(t, xlsx, "Районы", []string{departments["abai"], departments["temirtau"]},
		[]data.Summary{storeSummaries(t, b)[2019], storeSummaries(t, a)[2019]})
}

// regionDatabase creates a database of its own on the test server, so the
// offices found there are only this test's, and drops it at the end.
func regionDatabase(t *testing.T) string {
	t.Helper()
	server := os.Getenv(datatest.EnvPG)
	db, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("region_%d", os.Getpid())
	if _, err := db.Exec(`CREATE DATABASE ` + name); err != nil {
		db.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		db.Close()
	})
	u, _ := url.Parse(server)
	u.Path = "/" + name
	return u.String()
}

// TestRollUpIsTheHeads refuses a clerk the roll-up, as the office's report.
func TestRollUpIsTheHeads(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("users and their roles are the server's")
	}
	dsn := datatest.DSN(t)
	if code, _, stderr := cli(t, "--db", dsn, "demo", "--children", "40", "--sponsors", "5", "--distributions", "20"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	clerk := fmt.Sprintf("c%d_rollup_%d", os.Getpid(), cliUsers.Add(1))
	t.Cleanup(func() { cli(t, "--db", dsn, "users", "remove", clerk) })
	if code, _, stderr := cli(t, "--db", dsn, "users", "add", clerk, "--role", "clerk"); code != 0 {
		t.Fatalf("users add: exit %d: %s", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, _, stderr := cli(t, "report", "--campaign", "2019", "--format", "pdf", "--out", out, "--district", "A="+asUser(t, dsn, clerk))
	if code != exitProblems || !strings.Contains(stderr, "not allowed") {
		t.Errorf("a clerk's roll-up: exit %d, %q; want 1 and «not allowed»", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a clerk's roll-up was written (%v)", err)
	}
}
