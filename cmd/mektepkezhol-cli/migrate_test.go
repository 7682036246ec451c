package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// smallDemo makes a small demo office in a SQLite file.
func smallDemo(t *testing.T, children int, seed uint64) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "office.db")
	if code, _, stderr := cli(t, "--db", db, "demo", "--children", fmt.Sprint(children), "--sponsors", "20",
		"--distributions", "300", "--seed", fmt.Sprint(seed)); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return db
}

// migrateJSON runs migrate --json and decodes what it printed.
func migrateJSON(t *testing.T, from, to string) migrateResult {
	t.Helper()
	code, out, stderr := cli(t, "migrate", "--from", from, "--to", to, "--json")
	if code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, stderr)
	}
	var res migrateResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("migrate --json is not JSON: %v\n%s", err, out)
	}
	return res
}

// storeSummaries reads every campaign's Summary, by year.
func storeSummaries(t *testing.T, dsn string) map[int]data.Summary {
	t.Helper()
	ctx := context.Background()
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, err := st.FindCampaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]data.Summary{}
	for _, c := range cs {
		if out[c.Year], err = st.Summary(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// dumpStore lists every row of every table of the data; a server's backup
// is a new file whose migrations are dated when the backup was made.
func dumpStore(t *testing.T, dsn string) string {
	t.Helper()
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return datatest.Dump(t, st, "schema_migrations")
}

// raiseFirstDonation adds money to the office's first donation by hand.
func raiseFirstDonation(t *testing.T, path string, tenge int64) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE donations SET money_tenge = money_tenge + ? WHERE id = (SELECT min(id) FROM donations)`,
		tenge); err != nil {
		t.Fatal(err)
	}
}

func TestMigrate(t *testing.T) {
	src := smallDemo(t, 200, 7)
	to := datatest.DSN(t)

	first := migrateJSON(t, src, to)
	if first.Rows == 0 || len(first.Tables) < 10 {
		t.Fatalf("migrate copied %d rows in %d tables", first.Rows, len(first.Tables))
	}
	sum := 0
	for _, tc := range first.Tables {
		sum += tc.Rows
	}
	if sum != first.Rows {
		t.Errorf("tables sum to %d rows, total %d", sum, first.Rows)
	}
	want := storeSummaries(t, src)
	if len(want) == 0 {
		t.Fatal("the demo has no campaign")
	}
	if got := storeSummaries(t, to); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("the target's figures differ:\n got %v\nwant %v", got, want)
	}
	before := dumpStore(t, to)

	// Twice: the same counts and the same target.
	code, out, stderr := cli(t, "migrate", "--from", src, "--to", to)
	if code != 0 || !strings.Contains(out, "тексерілді / проверено") || !strings.Contains(out, fmt.Sprint(first.Rows)) {
		t.Fatalf("migrate again: exit %d: %s%s", code, out, stderr)
	}
	if again := migrateJSON(t, src, to); fmt.Sprint(again.Tables) != fmt.Sprint(first.Tables) {
		t.Errorf("second run copied %v, first %v", again.Tables, first.Tables)
	}
	if after := dumpStore(t, to); after != before {
		t.Errorf("migrating again changed the target: %s", firstDiff(before, after))
	}

	// A change in the office reaches the server.
	moneyBefore := totalMoney(storeSummaries(t, to))
	raiseFirstDonation(t, src, 12345)
	migrateJSON(t, src, to)
	got, want := storeSummaries(t, to), storeSummaries(t, src)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after a change, the target's figures differ:\n got %v\nwant %v", got, want)
	}
	if after := totalMoney(got); after != moneyBefore+12345 {
		t.Errorf("the target's money is %d, want %d + 12345", after, moneyBefore)
	}
}

func totalMoney(sums map[int]data.Summary) int64 {
	var n int64
	for _, s := range sums {
		n += s.MoneyTenge
	}
	return n
}

// TestMigrateRefuses checks the calls that must fail and leave no file.
func TestMigrateRefuses(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	target := filepath.Join(dir, "target.db")
	code, _, stderr := cli(t, "migrate", "--from", missing, "--to", target)
	if code != exitProblems || !strings.Contains(stderr, "typo.db") {
		t.Errorf("a missing --from: exit %d: %s", code, stderr)
	}
	for _, p := range []string{missing, target} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s was created (%v)", p, err)
		}
	}
	src := smallDemo(t, 120, 3)
	for _, bad := range []string{"postgres://u:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=5", "postgres://[::1"} {
		code, _, stderr := cli(t, "migrate", "--from", src, "--to", bad)
		if code != exitProblems || !strings.Contains(stderr, "--to") {
			t.Errorf("--to %s: exit %d: %s", bad, code, stderr)
		}
		if strings.Contains(stderr, "secret") {
			t.Errorf("the error shows the password: %s", stderr)
		}
	}
	for _, args := range [][]string{{"migrate", "--from", src}, {"migrate", "--to", target}, {"migrate", "--from", src, "--to", src}} {
		if code, _, _ := cli(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestMigrateFindsDifferences moves a smaller office over a bigger one's
// data (a wrong search_path): the rows the source lacks stay, and the
// check says so with exit 1.
func TestMigrateFindsDifferences(t *testing.T) {
	to := datatest.DSN(t)
	migrateJSON(t, smallDemo(t, 200, 5), to)
	code, _, stderr := cli(t, "migrate", "--from", smallDemo(t, 120, 6), "--to", to)
	if code != exitProblems || !strings.Contains(stderr, "children:") || !strings.Contains(stderr, "differ") {
		t.Errorf("migrate over another office: exit %d: %s", code, stderr)
	}
}

// firstDiff shows the first line that differs between two dumps.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n%s\n→\n%s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines → %d lines", len(la), len(lb))
}
