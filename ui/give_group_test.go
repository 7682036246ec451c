package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
)

// TestGroupTooBigRefused: a group larger than the form gives to at once
// is not taken; the clerk is told to narrow it, and a narrower group is.
func TestGroupTooBigRefused(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrDistributions, nil)
	f := u.screens[scrDistributions].(*distributionsScreen).give
	sc := f.schools[0]
	kids, err := st.FindChildren(context.Background(), data.ChildFilter{SchoolID: sc.ID})
	if err != nil || len(kids) < 3 {
		t.Fatalf("school №%d has %d children (%v), the test needs 3", sc.Number, len(kids), err)
	}
	f.groupMax = len(kids) - 1
	f.mode.SetSelected(lang.L("dist.group"))
	f.withoutItem.SetChecked(false)
	f.school.SetSelected(f.schoolChoice.label(strconv.Itoa(sc.Number)))
	f.onFindGroupTapped()
	if len(f.recipients) != 0 || !strings.Contains(f.who.Text, "Топ тым үлкен, шегі — "+strconv.Itoa(f.groupMax)) {
		t.Fatalf("%d recipients, «%s»; want none and the group refused", len(f.recipients), f.who.Text)
	}
	f.groupMax = len(kids)
	f.onFindGroupTapped()
	if len(f.recipients) != len(kids) {
		t.Fatalf("%d recipients, want the school's %d", len(f.recipients), len(kids))
	}
}
