package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// TestEventsPanel saves an event with its participants, refuses one
// without a title naming the field, and deletes one.
func TestEventsPanel(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrCoverage, nil)
	p := u.screens[scrCoverage].(*coverageScreen).events
	before, err := st.FindEvents(ctx, u.campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.rows) != len(before) {
		t.Fatalf("the panel lists %d events, the store has %d", len(p.rows), len(before))
	}
	p.edit(data.Event{})
	test.Tap(p.save)
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("field.title_kk")) {
		t.Fatalf("an event without a title: %q", msg)
	}
	u.closeDialogs()
	test.Type(p.titleKK, "№7 мектепте сыйлық тапсыру")
	test.Type(p.timeText, "10:00")
	p.participants.SetSelected([]string{p.parts.label(data.PartSchools), p.parts.label(data.PartSponsors)})
	test.Tap(p.save)
	after, _ := st.FindEvents(ctx, u.campaign.ID)
	if len(after) != len(before)+1 {
		t.Fatalf("%d events after saving, want %d", len(after), len(before)+1)
	}
	saved := p.ev
	if saved.ID == 0 || len(saved.Participants) != 2 || saved.TitleRU != saved.TitleKK {
		t.Fatalf("saved %+v", saved)
	}
	test.Tap(p.remove)
	tapOverlayButton(t, u.win, lang.L("Yes"))
	if left, _ := st.FindEvents(ctx, u.campaign.ID); len(left) != len(before) {
		t.Fatalf("%d events after deleting, want %d", len(left), len(before))
	}
}

// TestEventsPanelPlaceInRussian saves the place in Russian beside the
// place, and shows it again when the event is opened.
func TestEventsPanelPlaceInRussian(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrCoverage, nil)
	p := u.screens[scrCoverage].(*coverageScreen).events
	p.edit(data.Event{})
	test.Type(p.titleKK, "Акцияның ашылуы")
	test.Type(p.place, "Қазақстан Халқы Ассамблеясының үйі")
	test.Type(p.placeRU, "Дом Ассамблеи народа Казахстана")
	test.Tap(p.save)
	if p.ev.ID == 0 {
		t.Fatalf("not saved: %q", overlayText(u.win))
	}
	evs, err := st.FindEvents(ctx, u.campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	var saved data.Event
	for _, e := range evs {
		if e.ID == p.ev.ID {
			saved = e
		}
	}
	if saved.Place != "Қазақстан Халқы Ассамблеясының үйі" || saved.PlaceRU != "Дом Ассамблеи народа Казахстана" {
		t.Fatalf("saved place %q, in Russian %q", saved.Place, saved.PlaceRU)
	}
	if got := saved.PlaceIn("ru"); got != "Дом Ассамблеи народа Казахстана" {
		t.Fatalf("the place in Russian documents %q", got)
	}
	p.edit(data.Event{})
	p.edit(saved)
	if p.placeRU.Text != saved.PlaceRU || p.state.dirty {
		t.Fatalf("reopened: place in Russian %q, dirty %v", p.placeRU.Text, p.state.dirty)
	}
}
