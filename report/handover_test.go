package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

func TestHandoverSheet(t *testing.T) {
	ctx := context.Background()
	fx := repOpen(t, data.DemoOptions{})
	sc, err := fx.st.FindSchoolByNumber(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	items, err := fx.st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all, err := fx.st.FindDistributions(ctx, data.DistributionFilter{CampaignID: fx.camp.ID, SchoolID: sc.ID})
	if err != nil || len(all) == 0 {
		t.Fatalf("school 7 distributions: %d (%v)", len(all), err)
	}
	tests := []struct {
		name string
		lang string
		day  bool
	}{{"whole campaign kk", "kk", false}, {"one day ru", "ru", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := data.DistributionFilter{CampaignID: fx.camp.ID, SchoolID: sc.ID}
			if tt.day {
				f.GivenOn = all[len(all)/2].GivenOn
			}
			ds, err := fx.st.FindDistributions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			// one row per child and day, holding each of the child's items that day
			type key struct {
				child int64
				day   string
			}
			perRow := map[key]int{}
			for _, d := range ds {
				perRow[key{d.ChildID, report.ShortDate(d.GivenOn)}]++
			}
			rows := report.HandoverRows(ds, items, tt.lang)
			if got, want := len(rows), len(perRow); got != want {
				t.Fatalf("rows = %d, want %d (children × days)", got, want)
			}
			var given int
			for _, r := range rows {
				given += strings.Count(r.Items, ";") + 1
			}
			if given != len(ds) {
				t.Errorf("rows list %d items, want %d distributions", given, len(ds))
			}
			sheet := report.NewHandoverSheet(tt.lang, fx.r.Settings, fx.camp, sc, f.GivenOn, ds, items)
			var buf bytes.Buffer
			if err := report.WriteHandover(&buf, sheet); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "handover.pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			text := repTool(t, "pdftotext", "-layout", path, "-")
			for _, d := range ds {
				if repLine(text, d.ChildName, report.ShortDate(d.GivenOn)) == "" {
					t.Errorf("no line for %s on %s", d.ChildName, report.ShortDate(d.GivenOn))
				}
			}
			signature := map[string]string{"kk": "Ата-анасының қолы", "ru": "Подпись родителя"}[tt.lang]
			if !strings.Contains(text, signature) {
				t.Errorf("no signature column %q", signature)
			}
			// the count is of children, not rows; the signatures end the last page, beside the table's end
			children, items := map[int64]bool{}, int64(0)
			for _, d := range ds {
				children[d.ChildID] = true
				items += d.Quantity
			}
			count := map[string]string{"kk": "Балалар саны: %d · берілген заттар: %d", "ru": "Детей: %d · выдано вещей: %d"}[tt.lang]
			if want := fmt.Sprintf(count, len(children), items); !strings.Contains(plain(text), want) {
				t.Errorf("no count %q", want)
			}
			pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
			// the marking the office's rules ask for, written by hand
			const marking = "Дербес деректер — тек қызметтік пайдалану үшін / Персональные данные — для служебного пользования"
			for i, p := range pages {
				if !strings.Contains(plain(p), marking) {
					t.Errorf("page %d of %d is not marked as personal data:\n%s", i+1, len(pages), p)
				}
			}
			last := pages[len(pages)-1]
			director := map[string]string{"kk": "Мектеп директоры", "ru": "Директор школы"}[tt.lang]
			if end := rows[len(rows)-1].Child; !strings.Contains(last, director) || !strings.Contains(last, end) {
				t.Errorf("the last page lacks the signatures or the table's last row (%s):\n%s", end, last)
			}
			if tt.day && !strings.Contains(text, report.ShortDate(f.GivenOn)) {
				t.Errorf("the day %s is not on the sheet", report.ShortDate(f.GivenOn))
			}
		})
	}
}
