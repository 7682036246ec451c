package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestCoverageCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := cli(t, "--db", db, "demo", "--children", "200", "--sponsors", "10", "--distributions", "200"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := cli(t, "--db", db, "coverage", "--campaign", "2019", "--json")
	if code != 0 {
		t.Fatalf("coverage: exit %d: %s", code, stderr)
	}
	var figs struct {
		Found, Placed, Open int
		ByReason            map[string]int `json:"by_reason"`
		BySource            map[string]int `json:"by_source"`
	}
	if err := json.Unmarshal([]byte(out), &figs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	sum := func(m map[string]int) (n int) {
		for _, v := range m {
			n += v
		}
		return n
	}
	if figs.Found == 0 || figs.Placed+figs.Open > figs.Found || sum(figs.ByReason) != figs.Found || sum(figs.BySource) != figs.Found {
		t.Fatalf("coverage figures do not add up: %+v", figs)
	}
	if code, _, _ := cli(t, "--db", db, "coverage"); code != exitUsage {
		t.Fatalf("coverage without --campaign: exit %d", code)
	}
}
