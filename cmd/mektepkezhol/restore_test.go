package main

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/ui"
)

var allScreens = []string{"dashboard", "sponsors", "donations", "children", "distributions", "appeals",
	"coverage", "reports", "schools", "items", "settings"}

// TestRestoreKeepsTheAppWhole restores the day's automatic copy through the
// restore dialog, then opens every screen and saves the settings once: no
// screen may read the closed database (the letter template's fields were
// empty and the settings said «database is closed»).
func TestRestoreKeepsTheAppWhole(t *testing.T) {
	if datatest.OnServer() {
		t.Skip("a server's data is not replaced by a backup file")
	}
	g := newGUI(t)
	ctx := context.Background()
	late := &data.Sponsor{Kind: data.SponsorIndividual, Name: "Көшірмеден кейінгі демеуші"}
	if err := g.st.CreateSponsor(ctx, late); err != nil {
		t.Fatal(err)
	}
	g.settingsCard(t, "backup.title")
	test.Tap(button(t, g.w.Content(), lang.L("backup.restore")))
	picker := overlayText(g.w)
	// the automatic copy made on start: the demo's 20 sponsors and 300 children
	holds := lang.L("backup.holds", map[string]any{"Sponsors": 20, "Children": 300, "Donations": 0, "Size": ""})
	if want, _, _ := strings.Cut(holds, "0 ·"); !strings.Contains(picker, want) || !strings.Contains(picker, lang.L("backup.kind.auto")) {
		t.Fatalf("the restore dialog does not list the automatic copy with its counts (%q):\n%s", want, picker)
	}
	if strings.Contains(picker, g.st.Path()+"\n") {
		t.Fatalf("the live database is offered:\n%s", picker)
	}
	test.Tap(button(t, g.w.Canvas().Overlays().Top(), lang.L("backup.restore_this")))
	confirm := overlayText(g.w)
	if today := lang.L("backup.today", map[string]any{"Time": ""}); !strings.Contains(confirm, strings.TrimSpace(today)) {
		t.Fatalf("the confirmation does not say what is lost:\n%s", confirm)
	}
	test.Tap(button(t, g.w.Canvas().Overlays().Top(), lang.L("backup.restore_this")))
	done := overlayText(g.w)
	if want, _, _ := strings.Cut(lang.L("backup.restored", map[string]any{"Kept": ""}), ","); !strings.Contains(done, want) {
		t.Fatalf("the restore did not finish:\n%s", done)
	}
	g.w.Canvas().Overlays().Remove(g.w.Canvas().Overlays().Top())

	reopened, err := data.Open(g.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if _, err := reopened.FindSponsorByID(ctx, late.ID); err == nil {
		t.Fatal("the sponsor added after the copy survived the restore")
	}
	for _, name := range allScreens {
		g.goTo(t, name)
		if top := g.w.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("screen %s after the restore shows:\n%s", name, overlayText(g.w))
		}
	}
	tpl, err := office.LetterTemplate(ctx, reopened)
	if err != nil {
		t.Fatal(err)
	}
	g.settingsCard(t, "letters.settings")
	find(t, g.w.Content(), func(e *ui.TextArea) bool { return e.MultiLine && e.Text == tpl.BodyKK && e.Text != "" })
	before, err := reopened.Settings(ctx)
	if err != nil || before.DepartmentKK == "" {
		t.Fatalf("the restored settings: %q, %v", before.DepartmentKK, err)
	}
	g.settingsCard(t, "settings.office")
	dept := find(t, g.w.Content(), func(e *ui.LineEntry) bool { return e.Text == before.DepartmentKK })
	dept.SetText(before.DepartmentKK + " ")
	saveShortcut(t, g)
	if top := g.w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("saving the settings after the restore shows:\n%s", overlayText(g.w))
	}
	if set, err := reopened.Settings(ctx); err != nil {
		t.Fatalf("the settings after the restore: %v", err)
	} else if !strings.HasSuffix(set.DepartmentKK, " ") {
		t.Fatalf("the settings were not saved into the restored database: %q", set.DepartmentKK)
	}
}

// saveShortcut runs File → Save (Ctrl+S) from the main menu.
func saveShortcut(t *testing.T, g *gui) {
	t.Helper()
	for _, m := range g.w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == lang.L("menu.save") {
				it.Action()
				return
			}
		}
	}
	t.Fatal("no Save in the menu")
}
