package exchange

import (
	"runtime"
	"sync"

	"github.com/mektepkezhol/app/data"
)

// readRows reads every row of the sheet into the plan: each row on its
// own (children's rows on every core: a child depends on its row alone),
// then in order the repeats and the rejected rows.
func (plan *Plan) readRows(p *rowParser, notes map[int][]Problem, dropCells bool) {
	rows := plan.Sheet.Rows
	seen := newDedup()
	plan.Rows = make([]PlanRow, len(rows))
	if plan.Kind == Sponsors {
		for i, r := range rows {
			sp, d, probs := p.sponsor(r)
			pr := PlanRow{Row: r.Number, Sponsor: &sp, Donation: d, Problems: append(probs, notes[r.Number]...)}
			plan.Rows[i] = plan.judge(p, r, pr, "name", seen.sponsor(sp, d, r.Number), seen)
			if dropCells {
				rows[i].Cells = nil
			}
		}
		return
	}
	// The children of the rows to import stay in one slab, in order, the
	// store's input as it is; a rejected or repeated row's child is moved
	// out of it.
	cs, probs, iins := parseChildren(p, rows, dropCells)
	kept := 0
	for i, r := range rows {
		pr := PlanRow{Row: r.Number, Problems: append(probs[i], notes[r.Number]...)}
		if col, ok := p.m["iin"]; ok && dropCells {
			r.Cells = make([]string, col+1) // what a repeat's message quotes
			r.Cells[col] = iins[i]
		}
		pr = plan.judge(p, r, pr, "iin", seen.child(cs[i], r.Number), seen)
		if importable(pr.Status) {
			cs[kept] = cs[i]
			pr.Child = &cs[kept] // the slab is final below: no growing, no moving back
			kept++
		} else {
			c := cs[i]
			pr.Child = &c
		}
		plan.Rows[i] = pr
	}
	clear(cs[kept:])
	plan.children = cs[:kept:kept]
}

// judge marks a row that repeats an earlier one (first) or has an error.
func (plan *Plan) judge(p *rowParser, r Row, pr PlanRow, col string, first int, seen *dedup) PlanRow {
	switch {
	case first != 0:
		// A repeated row is matched, not doubled, whatever else it holds.
		pr.Status, pr.DuplicateOf = StatusDuplicate, first
		pr.Problems = []Problem{p.problem(r, col, KeyDuplicate, true, first)}
	case hasError(pr.Problems):
		pr.Status = StatusRejected
		seen.forget(r.Number)
	}
	return pr
}

// rowsPerWorker is the least work worth another core.
const rowsPerWorker = 2000

// parseChildren reads the child of every row, on up to every core; with
// dropCells it lets go of each row's cells once read, and keeps only its
// IIN's text.
func parseChildren(p *rowParser, rows []Row, dropCells bool) (cs []data.Child, probs [][]Problem, iins []string) {
	cs, probs = make([]data.Child, len(rows)), make([][]Problem, len(rows))
	if dropCells {
		iins = make([]string, len(rows))
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), len(rows)/rowsPerWorker))
	chunk := (len(rows) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(rows); lo += chunk {
		hi := min(len(rows), lo+chunk)
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				cs[i], probs[i] = p.child(rows[i])
				if dropCells {
					iins[i], _ = p.cell(rows[i], "iin")
					rows[i].Cells = nil
				}
			}
		})
	}
	wg.Wait()
	return cs, probs, iins
}
