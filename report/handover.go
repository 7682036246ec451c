package report

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// HandoverSheet is a school's register of the goods given to its children,
// signed by a parent for each child. It holds children's names: internal
// only, and its file must be readable by its owner alone.
type HandoverSheet struct {
	Lang       string // kk or ru
	Department string
	Campaign   string
	School     string
	Date       time.Time // the day of the register; zero: the whole campaign
	Rows       []HandoverRow
}

// HandoverRow is what one child got on one day.
type HandoverRow struct {
	ChildID  int64 // tells children apart for the count; 0: by name
	Child    string
	Grade    string // «5 Ә»
	GivenOn  time.Time
	Items    string // «Мектеп формасы (34) — 1 жиынтық; Рюкзак — 1 дана»
	Quantity int64  // the items of the row, counted
}

// NewHandoverSheet makes a school's sheet from its distributions (as
// FindDistributions returns them for the school, and the day if any).
func NewHandoverSheet(lang string, st data.Settings, c data.Campaign, sc data.School, day time.Time,
	ds []data.DistributionRow, items []data.AidItem) HandoverSheet {
	if lang != "ru" {
		lang = "kk"
	}
	return HandoverSheet{Lang: lang, Department: department(st, lang), Campaign: c.Name(lang), School: sc.Name(lang),
		Date: day, Rows: HandoverRows(ds, items, lang)}
}

// HandoverRows groups a school's distributions, as FindDistributions orders
// them (by day, then child), into one row per child and day.
func HandoverRows(ds []data.DistributionRow, items []data.AidItem, lang string) []HandoverRow {
	byID := map[int64]data.AidItem{}
	for _, it := range items {
		byID[it.ID] = it
	}
	var out []HandoverRow
	var lastChild int64
	for _, d := range ds {
		it := byID[d.ItemID]
		text := it.Name(lang)
		if d.Size != "" {
			text += " (" + d.Size + ")"
		}
		text += " — " + lingo.Count(lang, d.Quantity, it.Unit(lang))
		n := len(out)
		if n > 0 && lastChild == d.ChildID && out[n-1].GivenOn.Equal(d.GivenOn) {
			out[n-1].Items += "; " + text
			out[n-1].Quantity += d.Quantity
			continue
		}
		grade := ""
		if d.Grade > 0 {
			grade = fmt.Sprintf("%d %s", d.Grade, d.GradeLetter)
		}
		out = append(out, HandoverRow{ChildID: d.ChildID, Child: d.ChildName, Grade: grade, GivenOn: d.GivenOn, Items: text,
			Quantity: d.Quantity})
		lastChild = d.ChildID
	}
	// each day's children in alphabetical order (Ә after А, not after Я)
	c := lingo.Collator(lang)
	slices.SortStableFunc(out, func(a, b HandoverRow) int {
		if d := a.GivenOn.Compare(b.GivenOn); d != 0 {
			return d
		}
		return c.CompareString(a.Child, b.Child)
	})
	return out
}

var handoverWords = map[string]map[string]string{
	"kk": {
		"title":     "Заттай көмекті беру актісі",
		"internal":  "Қызметтік пайдалану үшін: балалардың дербес деректері бар.",
		"child":     "Баланың тегі, аты, әкесінің аты",
		"grade":     "Сынып",
		"date":      "Күні",
		"items":     "Берілген заттар",
		"signature": "Ата-анасының қолы",
		"all_dates": "акцияның барлық күндері",
		"issued_by": "Берген: ____________________ (қолы, аты-жөні)",
		"director":  "Мектеп директоры: ____________________",
		"children":  "Балалар саны: %s · берілген заттар: %s",
	},
	"ru": {
		"title":     "Акт выдачи вещевой помощи",
		"internal":  "Для служебного пользования: содержит персональные данные детей.",
		"child":     "ФИО ребёнка",
		"grade":     "Класс",
		"date":      "Дата",
		"items":     "Выданные вещи",
		"signature": "Подпись родителя",
		"all_dates": "все дни акции",
		"issued_by": "Выдал: ____________________ (подпись, ФИО)",
		"director":  "Директор школы: ____________________",
		"children":  "Детей: %s · выдано вещей: %s",
	},
}

// WriteHandover writes a school's handover sheet: A4 landscape, one row
// per child and day with a column for the parent's signature.
func WriteHandover(w io.Writer, sh HandoverSheet) error {
	lang := sh.Lang
	if lang != "ru" {
		lang = "kk"
	}
	hw := handoverWords[lang]
	d := newReportDoc(lang, "L", sh.School+" · "+data.PersonalDataMarking) // on every page
	d.SetTitle(hw["title"]+" — "+sh.School, true)
	d.SetAuthor(sh.Department, true)
	d.AddPage()
	d.SetFont("sans", "", 9)
	d.MultiCell(0, 5, sh.Department, "", "C", false)
	d.SetFont("sans", "B", 13)
	d.MultiCell(0, 7, hw["title"], "", "C", false)
	d.SetFont("sans", "", 10)
	day := hw["all_dates"]
	if !sh.Date.IsZero() {
		day = ShortDate(sh.Date)
	}
	d.MultiCell(0, 5, sh.Campaign+" · "+sh.School+" · "+day, "", "C", false)
	d.note(hw["internal"])
	d.Ln(2)
	cols := []tableColumn{{"№", 10, true}, {hw["child"], 62, false}, {hw["grade"], 15, false},
		{hw["date"], 22, false}, {hw["items"], 103, false}, {hw["signature"], 55, false}}
	handoverTable(d, cols, sh.Rows, handoverFooter)
	d.Ln(4)
	d.SetFont("sans", "", 9)
	children, items := HandoverCounts(sh.Rows)
	d.CellFormat(0, 6, fmt.Sprintf(hw["children"], Number(children), Number(items)), "", 1, "L", false, 0, "")
	d.CellFormat(0, 8, hw["issued_by"], "", 1, "L", false, 0, "")
	d.CellFormat(0, 8, hw["director"], "", 1, "L", false, 0, "")
	if err := d.Error(); err != nil {
		return fmt.Errorf("handover sheet: %w", err)
	}
	return d.Output(w)
}

// handoverFooter is the height of the counts and the signatures under the
// table: the last row takes a new page unless they fit beside it.
const handoverFooter = 4 + 6 + 8 + 8

// HandoverCounts counts the distinct children of the rows (a child given
// things on two days has two rows) and the items.
func HandoverCounts(rows []HandoverRow) (children, items int64) {
	seen := map[string]bool{}
	for _, r := range rows {
		key := r.Child
		if r.ChildID != 0 {
			key = fmt.Sprint(r.ChildID)
		}
		if !seen[key] {
			seen[key] = true
			children++
		}
		items += r.Quantity
	}
	return children, items
}

// handoverTable writes the rows with the items wrapped over as many lines
// as they need; the header repeats on each page. The last row keeps
// footer millimetres below it on its page, so that the signatures never
// stand alone on a page of their own.
func handoverTable(d *reportDoc, cols []tableColumn, rows []HandoverRow, footer float64) {
	const line = 4.5
	header := func() { d.tableHeader(cols) }
	header()
	_, ph := d.GetPageSize()
	for i, r := range rows {
		d.SetFont("sans", "", 8)
		lines := d.wrap(r.Items, cols[4].width-2)
		h := float64(max(1, len(lines)))*line + 2
		h = max(h, 9) // room to sign
		need := h
		if i == len(rows)-1 {
			need += footer
		}
		if d.GetY()+need > ph-reportMargin-5 {
			d.AddPage()
			header()
			d.SetFont("sans", "", 8)
		}
		x, y := d.GetX(), d.GetY()
		cells := []string{fmt.Sprint(i + 1), r.Child, r.Grade, ShortDate(r.GivenOn), "", ""}
		for k, c := range cols {
			d.Rect(x, y, c.width, h, "D")
			if k == 4 {
				for n, l := range lines {
					d.SetXY(x+1, y+1+float64(n)*line)
					d.CellFormat(c.width-2, line, l, "", 0, "L", false, 0, "")
				}
			} else {
				align := "L"
				if c.right {
					align = "R"
				}
				d.SetXY(x+1, y)
				d.CellFormat(c.width-2, h, fitText(d.Fpdf, cells[k], c.width-2), "", 0, align, false, 0, "")
			}
			x += c.width
		}
		d.SetXY(reportMargin, y+h)
	}
}
