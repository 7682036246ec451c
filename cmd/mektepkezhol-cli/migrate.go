package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "migrate", summary: "copy an office's database to the server (or another file), idempotently, and check the figures",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			from := fs.String("from", "", "the office's database: a SQLite file (or a server URL)")
			to := fs.String("to", "", "where to: postgres://user@host/db or a SQLite file; in a regional database, "+
				"?search_path=SCHEMA puts the office in a schema of its own (created when missing), e.g. "+
				"postgres://clerk@server/region?search_path=temirtau")
			asJSON := fs.Bool("json", false, "print JSON")
			return func(ctx context.Context, e *env, _ []string) error {
				if *from == "" || *to == "" {
					return usageError("--from and --to are required")
				}
				if *from == *to {
					return usageError("--from and --to name the same database")
				}
				return migrate(ctx, e, *from, *to, *asJSON)
			}
		}})
}

// migrateResult is what migrate prints; its JSON keys are an interface.
type migrateResult struct {
	From    string            `json:"from"`
	To      string            `json:"to"`
	Tables  []data.TableCount `json:"tables"`
	Rows    int               `json:"rows"`
	Seconds float64           `json:"seconds"`
}

func migrate(ctx context.Context, e *env, from, to string, asJSON bool) error {
	if !data.IsServer(from) {
		// data.Open would create an empty file: a typo must not look like
		// an office with no data.
		if _, err := os.Stat(from); err != nil {
			return fmt.Errorf("--from %s: %w", from, err)
		}
	}
	src, err := data.Open(from)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	defer src.Close()
	dst, err := data.Open(to)
	if err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	defer dst.Close()
	start := time.Now()
	stats, err := data.Copy(ctx, dst, src, nil)
	if err != nil {
		return err
	}
	res := migrateResult{From: data.RedactURL(from), To: data.RedactURL(to), Tables: stats.Tables, Rows: stats.Rows,
		Seconds: time.Since(start).Seconds()}
	diffs, err := compareSummaries(ctx, src, dst)
	if err != nil {
		return err
	}
	if asJSON {
		if err := e.printJSON(res); err != nil {
			return err
		}
	} else {
		w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(e.stdout, "%s → %s\n", res.From, res.To)
		for _, t := range res.Tables {
			fmt.Fprintf(w, "%s\t%d\t\n", t.Table, t.Rows)
		}
		fmt.Fprintf(w, "total\t%d\t\n", res.Rows)
		w.Flush()
		fmt.Fprintf(e.stdout, "%.1f s\n", res.Seconds)
	}
	if len(diffs) > 0 {
		for _, d := range diffs {
			fmt.Fprintln(e.stderr, d)
		}
		fmt.Fprintln(e.stderr, "the figures of the target differ from the source's (shown as source → target).\n"+
			"Copying keeps the rows the target holds that the source has not: rows deleted in the office since an earlier\n"+
			"migrate, or another office's data (check the search_path). Migrate into an empty schema or file instead.")
		return errProblems
	}
	if !asJSON {
		fmt.Fprintln(e.stdout, "тексерілді / проверено: every campaign's figures are the same on both sides")
	}
	dst.Tidy(ctx)
	return nil
}

// compareSummaries compares the Summary of every campaign of src with
// dst's, and lists the differences.
func compareSummaries(ctx context.Context, src, dst *data.Store) ([]string, error) {
	cs, err := src.FindCampaigns(ctx)
	if err != nil {
		return nil, err
	}
	var diffs []string
	for _, c := range cs {
		want, err := src.Summary(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		dc, err := dst.FindCampaignByYear(ctx, c.Year)
		if errors.Is(err, data.ErrNotFound) {
			diffs = append(diffs, fmt.Sprintf("campaign %d: missing in the target", c.Year))
			continue
		}
		if err != nil {
			return nil, err
		}
		got, err := dst.Summary(ctx, dc.ID)
		if err != nil {
			return nil, err
		}
		for _, d := range summaryDiff(want, got) {
			diffs = append(diffs, fmt.Sprintf("campaign %d: %s", c.Year, d))
		}
	}
	return diffs, nil
}

// summaryDiff lists the JSON keys whose values differ, as «key: source → target».
func summaryDiff(a, b data.Summary) []string {
	if reflect.DeepEqual(a, b) {
		return nil
	}
	flat := func(s data.Summary) map[string]string {
		var m map[string]any
		j, _ := json.Marshal(s)
		json.Unmarshal(j, &m)
		out := map[string]string{}
		var walk func(prefix string, v any)
		walk = func(prefix string, v any) {
			if mm, ok := v.(map[string]any); ok {
				for k, x := range mm {
					walk(prefix+k+".", x)
				}
				return
			}
			out[prefix[:len(prefix)-1]] = fmt.Sprint(v)
		}
		walk("", m)
		return out
	}
	fa, fb := flat(a), flat(b)
	var keys []string
	for k := range fa {
		keys = append(keys, k)
	}
	for k := range fb {
		if _, ok := fa[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if fa[k] != fb[k] {
			out = append(out, fmt.Sprintf("%s: %s → %s", k, fa[k], fb[k]))
		}
	}
	if len(out) == 0 {
		out = append(out, "the figures differ")
	}
	return out
}
