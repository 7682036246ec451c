//go:build linux

package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
)

// regionFigures times the children's search and the dashboard at region
// scale (data.DemoScale("region")) on a SQLite file and, with
// $MEKTEPKEZHOL_TEST_PG, on that server: the targets hold on both engines.
func (b *bench) regionFigures() error {
	engines := []struct{ name, dsn string }{{"SQLite", filepath.Join(b.dir, "region.db")}}
	if server := os.Getenv(envPG); server != "" {
		u, err := url.Parse(server)
		if err != nil {
			return err
		}
		q := u.Query()
		q.Set("search_path", "bench_region")
		u.RawQuery = q.Encode()
		engines = append(engines, struct{ name, dsn string }{"PostgreSQL", u.String()})
	} else {
		b.add(row{"search p95 (PostgreSQL)", "region scale", "no server", "≤ 50 ms", "", ""})
	}
	for _, e := range engines {
		if err := b.regionEngine(e.name, e.dsn); err != nil {
			return fmt.Errorf("%s: %w", e.name, err)
		}
	}
	return nil
}

func (b *bench) regionEngine(engine, dsn string) error {
	opt, _ := data.DemoScale("region")
	st, err := data.Open(dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if empty, err := st.IsEmpty(ctx); err != nil {
		return err
	} else if empty {
		fmt.Fprintf(os.Stderr, "generating the region's demo on %s …\n", engine)
		start := time.Now()
		if err := st.FillDemo(ctx, opt); err != nil {
			return err
		}
		st.Tidy(ctx) // a server counts the new rows, as after a move
		b.add(row{"demo generation (" + engine + ")", regionWorkload(opt), secs(time.Since(start)), "", "", ""})
	}
	clock := newCPUClock(dsn)
	s, err := searchTimes(ctx, st, clock)
	if err != nil {
		return err
	}
	n := time.Duration(len(s.all))
	b.add(row{"search p95 (" + engine + ")", fmt.Sprintf("%s; %d queries (none, name part, IIN part, surname): first 100 rows in order, then the count",
		regionWorkload(opt), len(s.all)), fmt.Sprintf("%s (broad %s, narrow %s; first page %s; all IDs + 50 rows, the old way: %s)",
		ms(percentile(s.all, 95)), ms(percentile(s.broad, 95)), ms(percentile(s.narrow, 95)), ms(percentile(s.first, 95)),
		ms(percentile(s.old, 95))) + fmt.Sprintf("; CPU a search, app + server: %s, the old way %s", ms(s.cpu/n), ms(s.cpuOld/n)),
		"≤ 50 ms", "", ""})
	cpu0 := clock.now()
	d, err := dashboardTimes(ctx, st)
	if err != nil {
		return err
	}
	b.add(row{"dashboard aggregates p95 (" + engine + ")", regionWorkload(opt) + "; summary + stock",
		fmt.Sprintf("%s; CPU %s each, app + server", ms(percentile(d, 95)), ms((clock.now()-cpu0)/time.Duration(len(d)))),
		"≤ 100 ms", "", ""})
	return nil
}

func regionWorkload(o data.DemoOptions) string {
	return fmt.Sprintf("region: %dk children, %dk distributions", o.Children/1000, o.Distributions/1000)
}

// searchTimes are a search's times: the whole (first page and count),
// broad (more than a page matches) and narrow, the first page alone, and
// the list's old way (every matching ID, then the rows on screen).
type searchTimings struct {
	all, broad, narrow, first, old []time.Duration
	cpu, cpuOld                    time.Duration // summed
}

func searchTimes(ctx context.Context, st *data.Store, clock cpuClock) (searchTimings, error) {
	var t searchTimings
	kids, err := st.FindChildren(ctx, data.ChildFilter{Limit: 400, Offset: 5000})
	if err != nil {
		return t, err
	}
	for i, k := range kids {
		q := []string{"", string([]rune(k.Surname)[:3]), string([]rune(k.Name)[:4]), string(k.IIN[:6]),
			strings.ToLower(k.Surname)}[i%5]
		f := data.ChildFilter{Query: q}
		c0 := clock.now()
		start := time.Now()
		page, err := st.FindChildPage(ctx, f, data.ChildCursor{}, 100)
		if err != nil {
			return t, err
		}
		t.first = append(t.first, time.Since(start))
		if page.More {
			if _, err := st.CountChildren(ctx, f); err != nil {
				return t, err
			}
		}
		d := time.Since(start)
		c1 := clock.now()
		t.cpu += c1 - c0
		t.all = append(t.all, d)
		if page.More {
			t.broad = append(t.broad, d)
		} else {
			t.narrow = append(t.narrow, d)
		}
		start = time.Now()
		ids, err := st.FindChildIDs(ctx, f)
		if err != nil {
			return t, err
		}
		if _, err := st.FindChildrenByIDs(ctx, ids[:min(len(ids), 50)]); err != nil {
			return t, err
		}
		t.old = append(t.old, time.Since(start))
		t.cpuOld += clock.now() - c1
	}
	// each reading's own cost (a walk through /proc) is in its interval
	scan := clock.now()
	for range 19 {
		clock.now()
	}
	scan = (clock.now() - scan) / 20
	t.cpu, t.cpuOld = t.cpu-time.Duration(len(t.all))*scan, t.cpuOld-time.Duration(len(t.all))*scan
	return t, nil
}

func dashboardTimes(ctx context.Context, st *data.Store) ([]time.Duration, error) {
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		return nil, err
	}
	var ds []time.Duration
	for range 30 {
		start := time.Now()
		if _, err := st.Summary(ctx, c.ID); err != nil {
			return nil, err
		}
		if _, err := st.Stock(ctx, c.ID); err != nil {
			return nil, err
		}
		ds = append(ds, time.Since(start))
	}
	return ds, nil
}
