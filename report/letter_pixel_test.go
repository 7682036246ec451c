package report_test

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// refPage is the committed rendering of one letter at 30 dpi in grey;
// MEKTEPKEZHOL_UPDATE_REF=1 rewrites it after a deliberate design change.
const refPage = "testdata/letters/kk_org_30dpi.png"

func readPNG(t *testing.T, path string) *image.Gray {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	g, ok := img.(*image.Gray)
	if !ok {
		b := img.Bounds()
		g = image.NewGray(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g.Set(x, y, img.At(x, y))
			}
		}
	}
	return g
}

// TestLetterLooksLikeReference compares one rendered page with the
// reference, tolerating anti-aliasing and rasteriser differences.
func TestLetterLooksLikeReference(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed")
	}
	sp := data.Sponsor{Kind: data.SponsorLegal, Name: "«Нұр Строй» ЖШС", HeadName: "Белов Андрей Юрьевич"}
	path := writePDF(t, []report.Letter{letter(17, "kk", sp)}, report.LetterOptions{Settings: settings(),
		Template: report.DefaultLetterTemplate()})
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-png", "-gray", "-r", "30", "-singlefile", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	if os.Getenv("MEKTEPKEZHOL_UPDATE_REF") == "1" {
		b, err := os.ReadFile(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(refPage, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, want := readPNG(t, prefix+".png"), readPNG(t, refPage)
	if got.Bounds() != want.Bounds() {
		t.Fatalf("page is %v, reference %v", got.Bounds(), want.Bounds())
	}
	var sum, far int
	for i := range got.Pix {
		d := int(got.Pix[i]) - int(want.Pix[i])
		if d < 0 {
			d = -d
		}
		sum += d
		if d > 96 {
			far++
		}
	}
	n := len(got.Pix)
	if mean := float64(sum) / float64(n); mean > 3 || far > n/200 {
		t.Fatalf("page differs from %s: mean difference %.2f, %d of %d pixels far off", refPage, mean, far, n)
	}
}
