package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/mektepkezhol/app/report/pdftest"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

const kazakhLetters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"

func settings() data.Settings {
	st := data.DefaultSettings()
	st.HeadName = "Ж. Қ. Смағұлова"
	return st
}

func campaign() data.Campaign {
	return data.Campaign{ID: 1, Year: 2019, NameKK: "Мектепке жол – 2019", NameRU: "Дорога в школу – 2019"}
}

func letter(number int, lang string, sp data.Sponsor) report.Letter {
	return report.Letter{Number: number, Lang: lang, IssuedOn: data.Date(2019, time.September, 30), Campaign: campaign(),
		Sponsor: sp, Gift: data.GiftTrace{MoneyTenge: 150000, ItemsGiven: 120, ItemsDelivered: 118, Children: 118, Schools: 3,
			Items: []data.GiftLine{{Item: data.AidItem{Code: "backpack", NameKK: "Рюкзак", NameRU: "Рюкзак", UnitKK: "дана", UnitRU: "шт."},
				Quantity: 120}}}}
}

// writePDF renders letters into a file in a temporary folder.
func writePDF(t *testing.T, letters []report.Letter, opt report.LetterOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteLetters(&buf, letters, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "letters.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (poppler-utils)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pdfText extracts the text with single spaces.
func pdfText(t *testing.T, path string) string {
	return strings.Join(strings.Fields(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")), " ") // -raw: in the order drawn
}

func TestLettersKazakhRoundTrip(t *testing.T) {
	person := data.Sponsor{Kind: data.SponsorIndividual, Name: "Әбілқайыр Ғалымжан Үмбетұлы"}
	org := data.Sponsor{Kind: data.SponsorLegal, Name: "«Өрнек-" + kazakhLetters + "» ЖШС", HeadName: "Иманова Ұлжан Қайратқызы"}
	collective := data.Sponsor{Kind: data.SponsorLegal, Name: "«Нұр» ЖШС"}
	tests := []struct {
		name string
		l    report.Letter
		want []string
	}{
		{"kk person", letter(1, "kk", person), []string{"АЛҒЫС ХАТ", person.Name, "Құрметті Ғалымжан Үмбетұлы!",
			"жүз елу мың теңге", "Сіз берген 120 бірліктің 118-і 3 мектептегі 118 балаға табысталды.",
			"Қарағанды қ., 2019 жылғы 30 қыркүйек", "Тіркеу № 1 · 30.09.2019"}},
		// An organisation with a named head: its name heads the letter, the head is greeted.
		{"kk org", letter(2, "kk", org), []string{org.Name + " Құрметті Ұлжан Қайратқызы!", kazakhLetters}},
		{"kk collective", letter(5, "kk", collective), []string{"«Нұр» ЖШС ұжымына Құрметті әріптестер!",
			"үлестеріңіз үшін Сіздерге", "Сіздер берген 120 бірліктің 118-і", "Сіздерге зор денсаулық, ұжымыңызға береке"}},
		{"ru org", letter(3, "ru", org), []string{"БЛАГОДАРСТВЕННОЕ ПИСЬМО", "ТОО «Өрнек-" + kazakhLetters + "» Уважаемая Улжан Кайратовна!",
			"рюкзак — 120 штук; 150 000 тенге (сто пятьдесят тысяч тенге)",
			"Из переданных Вами 120 единиц 118 уже вручено 118 детям из 3 школ.", "г. Караганда, 30 сентября 2019 г.",
			"Рег. № 3 от 30.09.2019"}},
		{"ru collective", letter(6, "ru", collective), []string{"Коллективу ТОО «Нұр» Уважаемые коллеги!",
			"Желаем Вашему коллективу крепкого здоровья"}},
		{"both", letter(4, "both", org), []string{"АЛҒЫС ХАТ", "БЛАГОДАРСТВЕННОЕ ПИСЬМО", org.Name,
			"Құрметті Ұлжан Қайратқызы!", "Уважаемая Улжан Кайратовна!", "Бөлім басшысы", "Руководитель отдела",
			"Қарағанды қ. — г. Караганда, 30.09.2019 № 4 · 30.09.2019"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := pdfText(t, writePDF(t, []report.Letter{tt.l}, report.LetterOptions{Settings: settings(),
				Template: report.DefaultLetterTemplate()}))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text has no %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestLettersFromStore prints a letter for every donor of the demo
// campaign: a page each, every font embedded, the figures of the store.
func TestLettersFromStore(t *testing.T) {
	st, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 300, Sponsors: 12, Distributions: 400, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, OnlyDonors: true})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	gifts, err := st.TraceGifts(ctx, c.ID, ids)
	if err != nil {
		t.Fatal(err)
	}
	stSettings, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	letters := make([]report.Letter, len(rows))
	for i, r := range rows {
		letters[i] = report.Letter{Number: i + 1, Lang: "kk", IssuedOn: c.EndsOn, Campaign: c, Sponsor: r.Sponsor, Gift: gifts[r.ID]}
	}
	path := writePDF(t, letters, report.LetterOptions{Settings: stSettings, Template: report.DefaultLetterTemplate()})
	if got, want := pdftest.Pages(t, path), len(rows); got != want {
		t.Fatalf("pages=%d, want %d (the campaign's donors)", got, want)
	}
	fonts := tool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 5 { // header, rule, and the three PT Serif faces
		t.Fatalf("pdffonts lists too few fonts:\n%s", fonts)
	}
	for _, ln := range lines[2:] {
		// name type… encoding emb sub uni object generation
		if f := strings.Fields(ln); len(f) < 7 || f[len(f)-5] != "yes" || !strings.Contains(strings.ToLower(f[0]), "ptserif") {
			t.Fatalf("font not embedded or not PT Serif: %s", ln)
		}
	}
	text := pdfText(t, path)
	for _, r := range rows {
		if r.MoneyTenge > 0 && !strings.Contains(text, plain(report.Number(r.MoneyTenge))+" теңге ("+report.WordsKK(r.MoneyTenge)) {
			t.Errorf("sponsor #%d: no money %s in words", r.ID, report.Number(r.MoneyTenge))
		}
	}
}

// TestLettersLongNameStaysInside gives a name far too long for its line:
// it shrinks and wraps, and no word crosses the inner frame (24 mm).
func TestLettersLongNameStaysInside(t *testing.T) {
	spaced := "«" + strings.Repeat("Қарағанды Өңірлік Құрылыс Және Жөндеу Корпорациясы ", 4) + "» ЖШС"
	unbroken := "«" + strings.Repeat("ҚарағандыӨңірлікКорпорациясы", 6) + "» ЖШС"
	for _, tt := range []struct{ lang, name string }{{"kk", spaced}, {"ru", spaced}, {"both", spaced}, {"kk", unbroken}} {
		lang := tt.lang
		path := writePDF(t, []report.Letter{letter(1, lang, data.Sponsor{Kind: data.SponsorLegal, Name: tt.name,
			HeadName: "Қожахметов Санжар Әділетұлы"})}, report.LetterOptions{Settings: settings(), Template: report.DefaultLetterTemplate()})
		if got := pdftest.Pages(t, path); got != 1 {
			t.Fatalf("%s: pages=%d, want 1", lang, got)
		}
		html := tool(t, "pdftotext", "-bbox", path, "-")
		words := regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<`).FindAllStringSubmatch(html, -1)
		if len(words) < 50 {
			t.Fatalf("%s: only %d words found", lang, len(words))
		}
		const frame = 24 * 72 / 25.4 // points
		for _, w := range words {
			x0, _ := strconv.ParseFloat(w[1], 64)
			y0, _ := strconv.ParseFloat(w[2], 64)
			x1, _ := strconv.ParseFloat(w[3], 64)
			y1, _ := strconv.ParseFloat(w[4], 64)
			if x0 < frame || x1 > 595.28-frame || y0 < frame || y1 > 841.89-frame {
				t.Fatalf("%s: word %q at (%.0f,%.0f)-(%.0f,%.0f) crosses the frame", lang, w[5], x0, y0, x1, y1)
			}
		}
		if text := pdfText(t, path); !strings.Contains(text, "Корпорациясы") {
			t.Fatalf("%s: the long name is lost:\n%s", lang, text)
		}
	}
}

func TestLettersRefuseMissingHead(t *testing.T) {
	st := settings()
	st.HeadName = " "
	var buf bytes.Buffer
	err := report.WriteLetters(&buf, []report.Letter{letter(1, "kk", data.Sponsor{Kind: data.SponsorIndividual, Name: "Әлиев Ғалым"})},
		report.LetterOptions{Settings: st, Template: report.DefaultLetterTemplate()})
	var ve *data.ValidationError
	if !errors.Is(err, report.ErrLetterSettings) || !errors.As(err, &ve) || ve.Field != "head_name" {
		t.Fatalf("err = %v, want ErrLetterSettings on head_name", err)
	}
	if !strings.Contains(err.Error(), "бөлім басшысының") || !strings.Contains(err.Error(), "руководителя отдела") {
		t.Fatalf("message is not clear in kk and ru: %v", err)
	}
	if buf.Len() != 0 {
		t.Fatalf("%d bytes written before the error", buf.Len())
	}
}

func TestLettersCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ls []report.Letter
	for i := 1; i <= 10; i++ {
		ls = append(ls, letter(i, "kk", data.Sponsor{Kind: data.SponsorIndividual, Name: "Әлиев Ғалым"}))
	}
	var buf bytes.Buffer
	var done int
	err := report.WriteLetters(&buf, ls, report.LetterOptions{Settings: settings(), Template: report.DefaultLetterTemplate(),
		Context: ctx, Progress: func(d, total int) {
			if done = d; d == 3 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) || done != 3 || buf.Len() != 0 {
		t.Fatalf("err=%v after %d pages, %d bytes written; want cancelled after 3, nothing written", err, done, buf.Len())
	}
}

func TestCalibrationPage(t *testing.T) {
	var buf bytes.Buffer
	tpl := report.LetterTemplate{BlankOffsetXmm: 2.5, BlankOffsetYmm: -1}
	if err := report.WriteCalibration(&buf, report.LetterOptions{Settings: settings(), Template: tpl}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cal.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, path); !strings.Contains(text, "X = +2,5 мм, Y = -1,0 мм") {
		t.Fatalf("calibration page does not show the offsets:\n%s", text)
	}
	tpl.BlankOffsetXmm = 80
	if err := report.WriteCalibration(&buf, report.LetterOptions{Template: tpl}); err == nil {
		t.Fatal("an 80 mm offset was accepted")
	}
}

// TestBlankPrintsOnlyText: the blank mode leaves out the heading and the
// department, which the blank has printed, and keeps the variable text.
func TestBlankPrintsOnlyText(t *testing.T) {
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Сәрсенов Асқар Рауанұлы"}
	text := pdfText(t, writePDF(t, []report.Letter{letter(5, "kk", sp)}, report.LetterOptions{Settings: settings(),
		Template: report.DefaultLetterTemplate(), Blank: true}))
	if strings.Contains(text, "АЛҒЫС ХАТ") || !strings.Contains(text, sp.Name) || !strings.Contains(text, "Тіркеу № 5") {
		t.Fatalf("blank text:\n%s", text)
	}
}

// TestLettersSignatureImage prints the signature and stamp images on every
// page and refuses a file that is no image.
func TestLettersSignatureImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 60, 20))
	for x := 0; x < 60; x++ {
		img.Set(x, 10+x%7, color.RGBA{0, 0, 120, 255})
	}
	var png1 bytes.Buffer
	if err := png.Encode(&png1, img); err != nil {
		t.Fatal(err)
	}
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Әлиев Ғалым"}
	opt := report.LetterOptions{Settings: settings(), Template: report.DefaultLetterTemplate(), Signature: png1.Bytes(), Stamp: png1.Bytes()}
	path := writePDF(t, []report.Letter{letter(1, "kk", sp), letter(2, "ru", sp)}, opt)
	list := tool(t, "pdfimages", "-list", path)
	got := 0
	for _, ln := range strings.Split(list, "\n") {
		if f := strings.Fields(ln); len(f) > 2 && f[2] == "image" {
			got++
		}
	}
	if got != 4 {
		t.Fatalf("%d images placed, want 4 (signature and stamp on 2 pages):\n%s", got, list)
	}
	opt.Signature = []byte("not an image")
	if err := report.WriteLetters(io.Discard, []report.Letter{letter(1, "kk", sp)}, opt); err == nil {
		t.Fatal("a text file was accepted as the signature image")
	}
}

func TestCheckLetterSettings(t *testing.T) {
	noRUTitle := settings()
	noRUTitle.HeadTitleRU = ""
	noCity := settings()
	noCity.CityKK = " "
	tests := []struct {
		name  string
		st    data.Settings
		lang  string
		field string // "" for no error
	}{
		{"complete", settings(), "both", ""},
		{"no ru title, kk letters", noRUTitle, "kk", ""},
		{"no ru title, ru letters", noRUTitle, "ru", "head_title_ru"},
		{"no ru title, bilingual", noRUTitle, "both", "head_title_ru"},
		{"no kk city", noCity, "both", "city_kk"},
		{"defaults have no head", data.DefaultSettings(), "kk", "head_name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := report.CheckLetterSettings(tt.st, tt.lang)
			var ve *data.ValidationError
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("err = %v, want none", err)
			case tt.field != "" && (!errors.As(err, &ve) || ve.Field != tt.field || !errors.Is(err, report.ErrLetterSettings)):
				t.Fatalf("err = %v, want ErrLetterSettings on %s", err, tt.field)
			}
		})
	}
}

// TestLettersLargeBatch prints a batch in one PDF: it must have every page in
// order, every font embedded once as a subset, and no syntax error for
// poppler.
func TestLettersLargeBatch(t *testing.T) {
	const n = 250
	var ls []report.Letter
	for i := 1; i <= n; i++ {
		lang := []string{"kk", "ru", "both"}[i%3]
		ls = append(ls, letter(i, lang, data.Sponsor{Kind: data.SponsorLegal, Name: fmt.Sprintf("«Өрнек %03d» ЖШС", i)}))
	}
	var progress []int
	path := writePDF(t, ls, report.LetterOptions{Settings: settings(), Template: report.DefaultLetterTemplate(),
		Progress: func(done, total int) {
			if total != n {
				t.Fatalf("progress total %d, want %d", total, n)
			}
			progress = append(progress, done)
		}})
	if len(progress) != n || progress[n-1] != n {
		t.Fatalf("progress called %d times, last %v", len(progress), progress[len(progress)-1:])
	}
	if got := pdftest.Pages(t, path); got != n {
		t.Fatalf("pages=%d, want %d", got, n)
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")[2:]
	if len(fonts) != 3 { // regular, bold and italic, once for the whole file
		t.Fatalf("%d fonts, want 3", len(fonts))
	}
	// gofpdf embeds a subset of each font (the qpdf test checks the
	// sizes) but names it without the six-letter tag pdffonts's «sub»
	// column looks for, so only «emb» is read here.
	for _, ln := range fonts {
		if f := strings.Fields(ln); f[len(f)-5] != "yes" {
			t.Fatalf("font not embedded: %s", ln)
		}
	}
	text := pdfText(t, path)
	at := 0
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("«Өрнек %03d»", i) // the legal form stands where each language puts it
		j := strings.Index(text[at:], name)
		if j < 0 {
			t.Fatalf("letter %d (%s) missing or out of order", i, name)
		}
		at += j + len(name)
	}
	prefix := filepath.Join(t.TempDir(), "p")
	if out, err := exec.Command("pdftoppm", "-r", "20", "-f", "240", "-l", "240", "-png", path, prefix).CombinedOutput(); err != nil || len(out) > 0 {
		t.Fatalf("pdftoppm page 240: %v %s", err, out)
	}
}
