package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// docPath is the command line's reference, which scripts rely on.
const docPath = "../../docs/CLI.md"

func readDoc(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// docSections returns the doc's command sections, «## name» headings of
// one lower-case word, by name.
func docSections(doc string) map[string]string {
	heading := regexp.MustCompile(`(?m)^## ([a-z][a-z-]*)\s*$`)
	out := map[string]string{}
	locs := heading.FindAllStringSubmatchIndex(doc, -1)
	for i, l := range locs {
		end := len(doc)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		} else if next := strings.Index(doc[l[1]:], "\n## "); next >= 0 {
			end = l[1] + next
		}
		out[doc[l[2]:l[3]]] = doc[l[0]:end]
	}
	return out
}

// TestDocListsEveryCommandAndFlag compares the commands of «help» with
// the doc's headings, and every flag of «<command> --help» with the
// command's section.
func TestDocListsEveryCommandAndFlag(t *testing.T) {
	code, out, _ := cli(t, "help")
	if code != 0 {
		t.Fatalf("help: exit %d", code)
	}
	_, list, ok := strings.Cut(out, "Commands:\n")
	if !ok {
		t.Fatalf("help has no «Commands:»:\n%s", out)
	}
	var commands []string
	for _, line := range strings.Split(list, "\n") {
		if strings.HasPrefix(line, "  ") && strings.TrimSpace(line) != "" {
			commands = append(commands, strings.Fields(line)[0])
		}
	}
	sections := docSections(readDoc(t))
	var documented []string
	for name := range sections {
		documented = append(documented, name)
	}
	sort.Strings(commands)
	sort.Strings(documented)
	if got, want := strings.Join(documented, " "), strings.Join(commands, " "); got != want || len(commands) < 16 {
		t.Fatalf("docs/CLI.md documents: %s\nhelp lists:            %s", got, want)
	}
	flagLine := regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)`)
	for _, name := range commands {
		_, help, stderr := cli(t, name, "--help")
		if name == "users" { // its actions' flags: the usage of «users list --help»
			_, _, stderr = cli(t, "users", "list", "--help")
			help += stderr
		}
		flags := flagLine.FindAllStringSubmatch(help, -1)
		if len(flags) == 0 {
			t.Fatalf("%s --help lists no flags:\n%s", name, help)
		}
		for _, f := range flags {
			if f[1] == "db" {
				continue // every command's; the doc's «The database»
			}
			if !strings.Contains(sections[name], "`--"+f[1]) {
				t.Errorf("docs/CLI.md «## %s» does not give --%s", name, f[1])
			}
		}
	}
}

// TestDocListsEveryJSONKey checks every key the commands print with
// --json: the json tags of the types they print, and the keys (map keys
// too: category codes, reasons, channels) of the real output over a demo
// database.
func TestDocListsEveryJSONKey(t *testing.T) {
	keys := map[string]string{}
	for _, v := range []any{data.Summary{}, data.CoverageFigures{}, data.Problem{}, data.Session{},
		exchange.Summary{}, migrateResult{}, userJSON{}, data.RetentionReport{}} {
		tagKeys(reflect.TypeOf(v), keys)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	runs := [][]string{
		{"--db", db, "demo", "--children", "60", "--sponsors", "8", "--distributions", "60"},
		{"--db", db, "export", "children", "--out", filepath.Join(dir, "children.csv")},
		{"--db", db, "summary", "--campaign", "2019", "--json"},
		{"--db", db, "coverage", "--campaign", "2019", "--json"},
		{"--db", db, "whoami", "--json"},
		{"--db", db, "check", "--json"},
		{"--db", db, "import", "children", filepath.Join(dir, "children.csv"), "--dry-run", "--json"},
		{"migrate", "--from", db, "--to", filepath.Join(dir, "copy.db"), "--json"},
		{"--db", db, "retention", "--campaigns-before", "2019", "--dry-run", "--json"},
	}
	for _, args := range runs {
		code, out, stderr := cli(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if !strings.Contains(strings.Join(args, " "), "--json") {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: not JSON: %v\n%s", args, err, out)
		}
		outputKeys(v, strings.Join(args, " "), keys)
	}
	doc := readDoc(t)
	for k, where := range keys {
		if !strings.Contains(doc, "`"+k+"`") {
			t.Errorf("docs/CLI.md does not name the JSON key `%s` (%s)", k, where)
		}
	}
	if len(keys) < 60 {
		t.Fatalf("only %d JSON keys found: %v", len(keys), keys)
	}
}

// tagKeys collects the json tags of t's fields, and of the structs inside.
func tagKeys(t reflect.Type, keys map[string]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		keys[name] = t.Name() + "." + f.Name
		tagKeys(f.Type, keys)
	}
}

// outputKeys collects the keys of a JSON value.
func outputKeys(v any, command string, keys map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			keys[k] = command + " --json"
			outputKeys(e, command, keys)
		}
	case []any:
		for _, e := range x {
			outputKeys(e, command, keys)
		}
	}
}
