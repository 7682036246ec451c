package main

import (
	"context"
	"github.com/mektepkezhol/app/report/pdftest"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// TestRollUpOnServer: on a server the Reports screen lists the offices of
// its database and adds the ticked ones up into one PDF, with the table by
// district and the money of both. Runs in the server pass of make test.
func TestRollUpOnServer(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("the roll-up is of a server's offices: set " + datatest.EnvPG)
	}
	ctx := context.Background()
	otherDSN := datatest.DSN(t)
	other, err := data.Open(otherDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.FillDemo(ctx, data.DemoOptions{Children: 120, Sponsors: 8, Distributions: 90, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	oc, err := other.FindCampaignByYear(ctx, 2019)
	if err != nil {
		t.Fatal(err)
	}
	otherSum, err := other.Summary(ctx, oc.ID)
	if err != nil {
		t.Fatal(err)
	}
	mineDSN := datatest.DSN(t)
	g := newGUIOn(t, mineDSN)
	mineSum, err := g.st.Summary(ctx, g.c.ID)
	if err != nil {
		t.Fatal(err)
	}

	g.goTo(t, "reports")
	content := g.w.Content()
	checks := find(t, content, func(*widget.CheckGroup) bool { return true })
	names := []string{schemaOf(t, mineDSN), schemaOf(t, otherDSN)}
	eventually(t, "the offices", func() bool {
		found := 0
		for _, o := range checks.Options {
			if o == names[0] || o == names[1] {
				found++
			}
		}
		return found == 2
	})
	checks.SetSelected(names) // other tests' offices may share the server
	test.Tap(button(t, content, lang.L("rollup.pdf")))
	sort.Strings(names) // the offices come in their schemas' order
	pdf := filepath.Join(g.docs, lang.L("rollup.file.kk", map[string]any{"Year": 2019, "Offices": strings.Join(names, ", ")})+".pdf")
	eventually(t, "the roll-up PDF", func() bool { return exists(pdf) })
	text := pdftest.Text(t, pdf)
	for _, want := range append(names, "Аудандар бойынша", data.FormatNumber(mineSum.MoneyTenge+otherSum.MoneyTenge)) {
		if !strings.Contains(text, want) {
			t.Errorf("the roll-up lacks %q", want)
		}
	}
}

func schemaOf(t *testing.T, dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("search_path")
}
