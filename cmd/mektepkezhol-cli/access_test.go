package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// export of children and handover are recorded in the audit log with how
// many children they hold; export of sponsors (no child) is not.
func TestExportAndHandoverRecorded(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	runs := [][]string{
		{"--db", db, "demo", "--children", "60", "--sponsors", "8", "--distributions", "80"},
		{"--db", db, "export", "children", "--school", "7", "--out", filepath.Join(dir, "children.csv")},
		{"--db", db, "export", "sponsors", "--out", filepath.Join(dir, "sponsors.csv")},
		{"--db", db, "handover", "--campaign", "2019", "--school", "7", "--out", filepath.Join(dir, "h.pdf")},
	}
	var said []string
	for _, args := range runs {
		code, out, stderr := cli(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		said = append(said, out)
	}
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	school, err := st.FindSchoolByNumber(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.CountChildren(ctx, data.ChildFilter{SchoolID: school.ID})
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := st.FindAuditPage(ctx, data.AuditFilter{Action: data.ActionAccess})
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, e := range got {
		seen = append(seen, e.Table+" "+e.NewJSON)
	}
	handover := strings.TrimSuffix(strings.TrimSpace(said[3][strings.LastIndex(said[3], "(")+1:]), " children)")
	want := []string{"handover {\"count\":" + handover + "}", "export:children {\"count\":" + strconv.Itoa(n) + "}"}
	if len(seen) != 2 || seen[0] != want[0] || seen[1] != want[1] {
		t.Fatalf("access records=%q, want %q", seen, want)
	}
}
