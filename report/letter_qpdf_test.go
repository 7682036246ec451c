package report_test

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// TestLettersQPDFCheck prints 3,000 letters in the three languages and has
// qpdf check the file's structure and streams, and read the embedded fonts:
// three of them, each a subset far smaller than the font it was cut from.
func TestLettersQPDFCheck(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed: `make test-deps` installs it (apt-get install qpdf)")
	}
	if testing.Short() {
		t.Skip("3,000 letters: not in -short")
	}
	const n = 3000
	ls := make([]report.Letter, n)
	for i := range ls {
		lang := []string{"kk", "ru", "both"}[i%3]
		ls[i] = letter(i+1, lang, data.Sponsor{Kind: data.SponsorLegal, Name: fmt.Sprintf("«Өрнек (%d) \\ %d» ЖШС", i, i)})
	}
	path := writePDF(t, ls, report.LetterOptions{Settings: settings(), Template: report.DefaultLetterTemplate()})
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	js, err := exec.Command("qpdf", "--json=2", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(js, &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v (%d parts)", err, len(doc.QPDF))
	}
	var objs map[string]struct {
		Stream *struct {
			Dict map[string]any `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	smallest := len(assets.Font(assets.SerifRegular))
	for _, f := range []string{assets.SerifBold, assets.SerifItalic} {
		smallest = min(smallest, len(assets.Font(f)))
	}
	var fonts int
	for name, o := range objs {
		if o.Stream == nil || o.Stream.Dict["/Length1"] == nil {
			continue
		}
		fonts++
		if size, _ := o.Stream.Dict["/Length1"].(float64); size <= 0 || int(size) > smallest/4 {
			t.Errorf("font file %s is %v bytes: not a subset of a font of %d", name, size, smallest)
		}
	}
	if fonts != 3 {
		t.Fatalf("%d embedded font files, want 3 (regular, bold, italic once for the file)", fonts)
	}
}
