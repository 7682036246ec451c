package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data/exchange"
)

// labelTexts gathers the text of every label under o.
func labelTexts(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text + "\n"
	case *fyne.Container:
		s := ""
		for _, c := range v.Objects {
			s += labelTexts(c)
		}
		return s
	case *container.Scroll:
		return labelTexts(v.Content)
	}
	return ""
}

// The sponsors' preview says the donations, money and units the list adds
// before anything is written; the tick adds the item the catalogue lacks.
func TestImportWizardSponsorsGifts(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "демеушілер.xlsx")
	writeSheet(t, path, [][]any{
		{"Демеушінің атауы", "Сомасы, тг", "Заттай көмек", "Берілген күні"},
		{"Жаңабаев Тестбек", "100 000", "рюкзак 25 дана", "15.08.2019"},
		{"Сынақова Айгүл", nil, "азық-түлік себеті 20 дана", "16.08.2019"},
	})
	before, _ := st.Summary(ctx, c.ID)
	w := newImportWizard(u, exchange.Sponsors, nil)
	w.open(path)
	test.Tap(w.next)
	if w.plan == nil {
		t.Fatal("no preview")
	}
	text := labelTexts(w.body)
	if want := "Жаңа түсімдер: 1 · ақшалай: 100 000 ₸ · заттай: 25 дана"; !strings.Contains(text, want) {
		t.Fatalf("preview says\n%s\nwant %q", text, want)
	}
	test.Tap(w.addItems)
	text = labelTexts(w.body)
	if want := "Жаңа түсімдер: 2 · ақшалай: 100 000 ₸ · заттай: 45 дана"; !strings.Contains(text, want) ||
		!strings.Contains(text, "жаңа заттар қосылады: 1") {
		t.Fatalf("with the tick the preview says\n%s\nwant %q", text, want)
	}
	if after, _ := st.Summary(ctx, c.ID); after.Donations != before.Donations {
		t.Fatal("the preview wrote")
	}
	test.Tap(w.next) // «Import»
	after, _ := st.Summary(ctx, c.ID)
	if after.Donations-before.Donations != 2 || after.MoneyTenge-before.MoneyTenge != 100000 ||
		after.InKindItems-before.InKindItems != 45 {
		t.Fatalf("the summary grew by %d donations, %d ₸, %d units; want 2, 100 000, 45",
			after.Donations-before.Donations, after.MoneyTenge-before.MoneyTenge, after.InKindItems-before.InKindItems)
	}
}

// writeSheet writes rows from A1 on.
func writeSheet(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
