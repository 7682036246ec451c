package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the command line in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDemoSummaryCheck(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := cli(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", db, "demo"); code == 0 || !strings.Contains(stderr, "not empty") {
		t.Fatalf("demo over data: exit %d, %q; want refused", code, stderr)
	}
	code, out, stderr := cli(t, "--db", db, "summary", "--campaign", "2019", "--json")
	if code != 0 {
		t.Fatalf("summary: exit %d: %s", code, stderr)
	}
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary --json is not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"campaign", "sponsors", "donations", "money_tenge", "in_kind_items", "children",
		"children_by_category", "distributions", "children_helped", "appeals", "letters"} {
		if _, ok := sum[key]; !ok {
			t.Fatalf("summary --json has no %q", key)
		}
	}
	appeals := sum["appeals"].(map[string]any)
	for _, key := range []string{"total", "resolved", "overdue"} {
		if _, ok := appeals[key]; !ok {
			t.Fatalf("appeals has no %q", key)
		}
	}
	if got := sum["sponsors"].(float64); got < 100 {
		t.Fatalf("sponsors=%v, want ≥ 100", got)
	}
	if got := len(sum["children_by_category"].(map[string]any)); got != 10 {
		t.Fatalf("children_by_category has %d categories, want 10", got)
	}
	if code, out, _ := cli(t, "--db", db, "check"); code != 0 || !strings.HasPrefix(out, "ok") {
		t.Fatalf("check on the demo: exit %d: %s", code, out)
	}

	if err := breakIIN(db); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := cli(t, "--db", db, "check"); code != 1 || !strings.Contains(out, "iin") {
		t.Fatalf("check on a bad IIN: exit %d: %s; want exit 1 naming the IIN", code, out)
	}
}

func TestUsage(t *testing.T) {
	if code, _, _ := cli(t); code != exitUsage {
		t.Fatalf("no command: exit %d, want %d", code, exitUsage)
	}
	if code, out, _ := cli(t, "help"); code != 0 || !strings.Contains(out, "summary") {
		t.Fatalf("help: exit %d: %s", code, out)
	}
	if code, out, errOut := cli(t, "summary", "--help"); code != 0 || !strings.Contains(out, "-campaign") ||
		strings.Count(out+errOut, "Usage:") != 1 {
		t.Fatalf("summary --help: exit %d: %s%s; want the usage once", code, out, errOut)
	}
	if code, _, _ := cli(t, "nonsense"); code != exitUsage {
		t.Fatalf("unknown command: exit %d", code)
	}
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := cli(t, "--db", db, "summary"); code != exitUsage || !strings.Contains(stderr, "--campaign") {
		t.Fatalf("summary without --campaign: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", db, "summary", "--campaign", "1999"); code != 1 || !strings.Contains(stderr, "not found") {
		t.Fatalf("summary of a missing campaign: exit %d: %s", code, stderr)
	}
}
