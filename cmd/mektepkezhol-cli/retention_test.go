package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// retention keeps every campaign's summary --json byte for byte, and a
// dry run counts the same children the real run anonymises.
func TestRetentionKeepsSummaries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := cli(t, "--db", db, "demo", "--children", "120", "--sponsors", "8", "--distributions", "150"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	summaries := func() []string {
		var out []string
		for _, year := range []string{"2018", "2019"} {
			code, s, stderr := cli(t, "--db", db, "summary", "--campaign", year, "--json")
			if code != 0 {
				t.Fatalf("summary %s: exit %d: %s", year, code, stderr)
			}
			out = append(out, s)
		}
		return out
	}
	before := summaries()
	var dry, real struct {
		DryRun   bool `json:"dry_run"`
		Children int  `json:"children"`
		Vacuumed bool `json:"vacuumed"`
	}
	for _, run := range []struct {
		args []string
		into any
	}{
		{[]string{"--dry-run", "--json"}, &dry},
		{[]string{"--json"}, &real},
	} {
		args := append([]string{"--db", db, "retention", "--campaigns-before", "2019"}, run.args...)
		code, out, stderr := cli(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if err := json.Unmarshal([]byte(out), run.into); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	if !dry.DryRun || real.DryRun || dry.Children == 0 || dry.Children != real.Children || !real.Vacuumed {
		t.Fatalf("dry run %+v, real run %+v", dry, real)
	}
	after := summaries()
	for i := range before {
		if before[i] != after[i] {
			t.Fatalf("summary changed:\n%s\n%s", before[i], after[i])
		}
	}
	if code, _, _ := cli(t, "--db", db, "retention"); code != 2 {
		t.Fatalf("retention without a year: exit %d, want 2", code)
	}
}
