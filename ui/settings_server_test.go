package ui

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// newServerTestApp is the least of the app the database card needs: a
// window and a store on a file, with the user config folder (where
// connection.json lives) in a temp folder, returned.
func newServerTestApp(t *testing.T) (*App, string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	config := filepath.Join(home, ".config")
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv(data.EnvDB, "")
	a := test.NewTempApp(t)
	st, err := data.Open(filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	t.Cleanup(Inline())
	t.Cleanup(func() { setLanguage("kk") })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1000, 700))
	return &App{app: a, win: w, st: st, ctx: context.Background()}, config
}

func readConnection(t *testing.T, config string) (data.Connection, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(config, "MektepkeZhol", "connection.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c data.Connection
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c, string(b)
}

// closedPort returns a loopback address nobody listens on.
func closedPort(t *testing.T) (string, int) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return "127.0.0.1", port
}

// TestServerSectionSavesConnection fills the database card, saves, and
// finds the server in connection.json without a password; then back to the
// local file.
func TestServerSectionSavesConnection(t *testing.T) {
	u, config := newServerTestApp(t)
	setLanguage("ru")
	p := newServerPanel(u)
	u.win.SetContent(p.buildUI())
	if got := p.modes.code(p.mode.Selected); got != modeLocal {
		t.Fatalf("mode=%q with no connection.json, want local", got)
	}
	if !p.host.Disabled() || !p.check.Disabled() {
		t.Fatal("the server's fields are open for the local file")
	}
	if p.current.Text != u.st.Path() {
		t.Fatalf("current=%q, want %q", p.current.Text, u.st.Path())
	}
	p.mode.SetSelected(p.modes.label(modeServer))
	for e, text := range map[fyne.Focusable]string{p.host: "10.0.0.5", p.port: "5433", p.database: "mektep", p.schema: "karaganda", p.user: "aigul"} {
		test.Type(e, text)
	}
	test.Tap(p.save)
	c, raw := readConnection(t, config)
	if got, want := c.Server, "postgres://aigul@10.0.0.5:5433/mektep?search_path=karaganda"; got != want {
		t.Fatalf("server=%q, want %q", got, want)
	}
	if c.Language != "ru" || strings.Contains(raw, "assword") {
		t.Fatalf("connection.json:\n%s", raw)
	}
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("server.saved_server", map[string]any{"Server": c.Server})) {
		t.Fatalf("after saving the dialog says:\n%s", msg)
	}
	u.win.Canvas().Overlays().Top().(interface{ Hide() }).Hide()

	// the card reads the file back as it was saved
	again := newServerPanel(u)
	if again.modes.code(again.mode.Selected) != modeServer || again.host.Text != "10.0.0.5" || again.port.Text != "5433" ||
		again.schema.Text != "karaganda" || again.user.Text != "aigul" || again.host.Disabled() {
		t.Fatalf("read back: mode=%q host=%q port=%q schema=%q user=%q", again.mode.Selected, again.host.Text, again.port.Text, again.schema.Text, again.user.Text)
	}

	// a schema the store cannot create is refused, the file kept
	p.schema.SetText("Karaganda Office")
	test.Tap(p.save)
	if c2, _ := readConnection(t, config); c2.Server != c.Server {
		t.Fatalf("a bad schema was saved: %q", c2.Server)
	}
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("err.server.schema")) {
		t.Fatalf("a bad schema: the dialog says:\n%s", msg)
	}

	p.mode.SetSelected(p.modes.label(modeLocal))
	test.Tap(p.save)
	if c3, _ := readConnection(t, config); c3.Server != "" {
		t.Fatalf("back to the local file, server=%q", c3.Server)
	}
}

// TestServerCheckUnreachable checks a server nobody listens on and says
// so in the clerk's language.
func TestServerCheckUnreachable(t *testing.T) {
	u, _ := newServerTestApp(t)
	p := newServerPanel(u)
	u.win.SetContent(p.buildUI())
	host, port := closedPort(t)
	p.mode.SetSelected(p.modes.label(modeServer))
	p.host.SetText(host)
	p.port.SetText(strconv.Itoa(port))
	p.database.SetText("mektep")
	p.user.SetText("aigul")
	a, err := p.address()
	if err != nil {
		t.Fatal(err)
	}
	var got error
	p.checkWith(a, "any-Pass", func(err error) { got = err })
	if got == nil {
		t.Fatal("a closed port checked as a working server")
	}
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("login.unreachable")) {
		t.Fatalf("the dialog says:\n%s", msg)
	}
}
