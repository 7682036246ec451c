package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An accountant's list whose money column has an unforeseen header is
// refused with exit 2 and nothing written; mapped with --map, it comes in
// and the summary grows by the list's own total.
func TestImportSponsorsUnmappedMoney(t *testing.T) {
	db := smallDemoDB(t)
	list := filepath.Join(t.TempDir(), "sponsors.csv")
	text := "Демеушілер, 2019\n" +
		"№;Демеушінің атауы;БСН;Түскен күні;Келіп түсті\n" +
		"1;Жаңабаев Тестбек;;10.07.2019;150 000\n" +
		"2;Жаңабаев Тестбек;;11.07.2019;150 000\n" + // the same sponsor another day
		"3;Сынақова Айгүл;;12.07.2019;1 500 000,00 ₸\n" +
		"Барлығы;;;;1 800 000\n"
	if err := os.WriteFile(list, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	summary := func() (string, int64) {
		_, out, _ := cli(t, "--db", db, "summary", "--campaign", "2019", "--json")
		var s struct {
			Money int64 `json:"money_tenge"`
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatalf("summary: %v\n%s", err, out)
		}
		return out, s.Money
	}
	before, money := summary()
	export := filepath.Join(t.TempDir(), "sponsors-export.csv")
	_, sponsorsBefore, _ := cli(t, "--db", db, "export", "sponsors", "--out", export)

	code, out, stderr := cli(t, "--db", db, "import", "sponsors", list, "--json")
	if code != exitUsage || out != "" || !strings.Contains(stderr, "E («Келіп түсті»)") || !strings.Contains(stderr, "--map E=amount") {
		t.Fatalf("unmapped money: exit %d, stdout %q, stderr %q; want 2 naming column E and --map E=amount", code, out, stderr)
	}
	_, sponsorsAfter, _ := cli(t, "--db", db, "export", "sponsors", "--out", export)
	if after, _ := summary(); after != before || sponsorsAfter != sponsorsBefore {
		t.Fatal("a refused list wrote something")
	}

	code, out, stderr = cli(t, "--db", db, "import", "sponsors", list, "--map", "E=amount", "--json")
	if code != 0 {
		t.Fatalf("mapped: exit %d: %s %s", code, out, stderr)
	}
	var sum struct {
		Imported       int   `json:"imported"`
		DonationsAdded int   `json:"donations_added"`
		MoneyAdded     int64 `json:"money_tenge_added"`
		InKindAdded    int64 `json:"in_kind_added"`
		Columns        []struct {
			Column, Header string
			Field          *string
		} `json:"columns"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	const total = 150000 + 150000 + 1500000
	if sum.Imported != 3 || sum.DonationsAdded != 3 || sum.MoneyAdded != total || sum.InKindAdded != 0 {
		t.Fatalf("mapped import %s", out)
	}
	if len(sum.Columns) != 5 || sum.Columns[0].Field != nil || sum.Columns[4].Field == nil ||
		*sum.Columns[4].Field != "amount" || sum.Columns[4].Header != "Келіп түсті" {
		t.Fatalf("columns %s", out)
	}
	if _, after := summary(); after-money != total {
		t.Fatalf("summary money grew by %d ₸, want the list's %d", after-money, total)
	}
	if code, out, _ := cli(t, "--db", db, "import", "sponsors", list, "--map", "E=amount", "--json"); code != 0 ||
		!strings.Contains(out, `"donations_added": 0`) {
		t.Fatalf("re-import: exit %d\n%s", code, out)
	}
	if code, out, _ := cli(t, "--db", db, "import", "sponsors", list, "--map", "E=none", "--dry-run", "--json"); code != 0 ||
		!strings.Contains(out, `"donations_added": 0`) || !strings.Contains(out, `"unchanged": 2`) {
		t.Fatalf("column E left out: exit %d\n%s", code, out)
	}
	for _, m := range []string{"E", "5=amount", "E=money"} {
		if code, _, _ := cli(t, "--db", db, "import", "sponsors", list, "--map", m); code != exitUsage {
			t.Fatalf("--map %s: exit %d, want %d", m, code, exitUsage)
		}
	}
}

// import --help says its usage and exit codes once, on stdout.
func TestImportHelpOnce(t *testing.T) {
	for _, args := range [][]string{{"import", "--help"}, {"help", "import"}, {"import", "sponsors", "x.xlsx", "--help"}} {
		code, out, stderr := cli(t, args...)
		if code != 0 || strings.Count(out, "Usage:") != 1 || strings.Count(out, "Exit status:") != 1 || stderr != "" {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
	}
}
