//go:build linux

package main

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// soffice finds LibreOffice, the baseline of the letters and of xlsx.
func soffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// convert runs LibreOffice headless over files into outDir, in one start.
func (b *bench) convert(to, outDir string, files ...string) (time.Duration, error) {
	profile := "-env:UserInstallation=file://" + filepath.Join(b.dir, "lo-profile")
	args := append([]string{profile, "--headless", "--convert-to", to, "--outdir", outDir}, files...)
	wall, _, err := b.timed(soffice(), args...)
	return wall, err
}

// letterBaseline converts the same kind of letter, as .fodt, to PDF with
// LibreOffice: what the office's mail merge does today.
func (b *bench) letterBaseline(ours float64) (string, string) {
	if soffice() == "" {
		return "LibreOffice not installed", ""
	}
	const n = 30
	dir := filepath.Join(b.dir, "fodt")
	os.MkdirAll(dir, 0o700)
	var files []string
	for i := 1; i <= n; i++ {
		f := filepath.Join(dir, fmt.Sprintf("letter%03d.fodt", i))
		if err := os.WriteFile(f, []byte(fodtLetter(fmt.Sprintf("«Сарыарқа Құрылыс %d» ЖШС ұжымына", i))), 0o600); err != nil {
			return err.Error(), ""
		}
		files = append(files, f)
	}
	b.convert("pdf", filepath.Join(dir, "out"), files[:1]...) // warm the profile up
	wall, err := b.convert("pdf", filepath.Join(dir, "out"), files...)
	if err != nil {
		return "failed: " + err.Error(), ""
	}
	theirs := n / wall.Seconds()
	b.loLetters = theirs
	return fmt.Sprintf("%.1f/s (%d .fodt → PDF in %s)", theirs, n, secs(wall)), fmt.Sprintf("%.0f×", ours/theirs)
}

// csvBaseline converts the same n-row CSV to xlsx with LibreOffice.
func (b *bench) csvBaseline(csv string, n int, ours float64) (string, string) {
	if soffice() == "" {
		return "LibreOffice not installed", ""
	}
	wall, err := b.convert("xlsx", filepath.Join(b.dir, "lo-xlsx"), csv)
	if err != nil {
		return "failed: " + err.Error(), ""
	}
	theirs := float64(n) / wall.Seconds()
	return fmt.Sprintf("%.0f rows/s (CSV → xlsx in %s)", theirs, secs(wall)), fmt.Sprintf("%.1f×", ours/theirs)
}

func fodtLetter(addressee string) string {
	p := func(style, text string) string {
		return `<text:p text:style-name="` + style + `">` + html.EscapeString(text) + `</text:p>`
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="28pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="B" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/>
  <style:text-properties fo:font-size="14pt"/></style:style>
</office:automatic-styles>
<office:body><office:text>` +
		p("H", "АЛҒЫС ХАТ") + p("H", addressee) +
		p("B", "Қарағанды қаласы білім бөлімі «Мектепке жол» республикалық қайырымдылық акциясына қолдау көрсетіп, "+
			"әлеуметтік осал санаттағы отбасылардың балаларын жаңа оқу жылына дайындауға қосқан үлесіңіз үшін "+
			"Сізге шынайы алғысын білдіреді. Сізге зор денсаулық, отбасыңызға береке, игі істеріңізге табыс тілейміз!") +
		p("B", "Бөлім басшысы ______ Ж. Қ. Смағұлова") + p("B", "Қарағанды қ., 2019 ж.") +
		`</office:text></office:body></office:document>`
}
