package exchange

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
)

// Status is what the import does with a row.
type Status string

// Row statuses of a plan.
const (
	StatusNew       Status = "new"
	StatusUpdated   Status = "updated"
	StatusUnchanged Status = "unchanged"
	StatusDuplicate Status = "duplicate" // repeats an earlier row of the file
	StatusRejected  Status = "rejected"
)

// Options steer Preview.
type Options struct {
	Kind Kind
	// SchoolNumber puts every child of the list in that school (№); 0 reads
	// the school column, if any.
	SchoolNumber int
	// CampaignYear takes every donation of a sponsors' list; 0 puts each
	// in the campaign whose period holds its date.
	CampaignYear int
	Lang         string // kk (default) or ru, for the messages
	// Today dates the donations of a list without a date column, and is
	// the day IIN hints are checked against; zero is now.
	Today time.Time
	// AddItems adds the gifts the item catalogue lacks to it (--add-items);
	// without it such a gift rejects its row.
	AddItems bool
	// Unmatched leaves the rows unmatched against the database: for a
	// caller that commits at once (the CLI without --dry-run), whose Commit
	// matches them anyway; the plan's good rows have no status until then.
	// On a 100,000-row list the match is seconds.
	Unmatched bool
	// DropCells lets go of each row's cells (Sheet.Rows[i].Cells) once the
	// row is read: for a caller that neither shows the sheet nor previews
	// it again under another mapping (the CLI). The plan is all that is
	// kept of a 100,000-row list then, not the grid of its texts as well.
	DropCells bool
}

func (o Options) today() time.Time {
	if o.Today.IsZero() {
		return data.Day(time.Now())
	}
	return data.Day(o.Today)
}

// PlanRow is one data row of the list and what the import does with it.
type PlanRow struct {
	Row         int // the spreadsheet's row number
	Status      Status
	DuplicateOf int            // the row it repeats, for StatusDuplicate
	Child       *data.Child    // for children lists, as it will be saved
	Sponsor     *data.Sponsor  // for sponsor lists
	Donation    *data.Donation // for sponsor lists with amounts or gifts; nil without
	// DonationAdded: the row's donation is new, not one already saved.
	DonationAdded bool
	Problems      []Problem
}

// Plan is the preview of an import: nothing is written until Commit.
type Plan struct {
	Kind  Kind
	Sheet *Sheet
	Rows  []PlanRow
	// NewItems are the catalogue items the import adds (Options.AddItems).
	NewItems []data.AidItem
	mapping  Mapping
	schema   int       // the store's schema when previewed
	notes    []Problem // the reader's notes of rows that are not data rows
	width    int       // the sheet's columns, kept for Options.DropCells
	// children holds the child of every row to import, in order, for the
	// store as it is: the rows' Child point into it (a copy of 100,000
	// children at each save was 40 MB).
	children []data.Child
}

// Summary counts a plan's rows; its JSON is the CLI's --json output.
type Summary struct {
	Rows       int       `json:"rows"`
	Imported   int       `json:"imported"`
	Updated    int       `json:"updated"`
	Unchanged  int       `json:"unchanged"`
	Rejected   int       `json:"rejected"`
	Duplicates int       `json:"duplicates"`
	Problems   []Problem `json:"problems"`
	// Columns says what became of every column of the list.
	Columns []Column `json:"columns"`
	// DonationsAdded, MoneyTengeAdded and InKindAdded (units) count the
	// donations that are new, not saved before; ItemsAdded the catalogue
	// items the import adds.
	DonationsAdded  int   `json:"donations_added"`
	MoneyTengeAdded int64 `json:"money_tenge_added"`
	InKindAdded     int64 `json:"in_kind_added"`
	ItemsAdded      int   `json:"items_added"`
}

// Summary counts the plan's rows by status and the donations they add,
// and lists every problem.
func (p *Plan) Summary() Summary {
	used, _ := p.usedNewItems()
	s := Summary{Rows: len(p.Rows), Problems: []Problem{}, Columns: columns(p.Sheet, p.mapping, p.width), ItemsAdded: len(used)}
	for _, r := range p.Rows {
		if r.DonationAdded && importable(r.Status) {
			s.DonationsAdded++
			s.MoneyTengeAdded += r.Donation.MoneyTenge
			for _, it := range r.Donation.Items {
				s.InKindAdded += it.Quantity
			}
		}
		switch r.Status {
		case StatusNew:
			s.Imported++
		case StatusUpdated:
			s.Updated++
		case StatusUnchanged:
			s.Unchanged++
		case StatusRejected:
			s.Rejected++
		case StatusDuplicate:
			s.Duplicates++
		}
		s.Problems = append(s.Problems, r.Problems...)
	}
	s.Problems = append(s.Problems, p.notes...)
	return s
}

// ErrMapping means a required column is not mapped.
var ErrMapping = errors.New("required columns are not mapped")

// Preview reads every row under the mapping, rejects the rows with
// problems, marks the rows that repeat an earlier one (same IIN; same BIN or
// name) and matches the rest against the database, writing nothing.
func Preview(ctx context.Context, st ImportStore, sh *Sheet, m Mapping, opt Options) (*Plan, error) {
	if miss := m.Missing(opt.Kind); len(miss) > 0 {
		return nil, fmt.Errorf("%w: %s", ErrMapping, strings.Join(miss, ", "))
	}
	p := &rowParser{sh: sh, kind: opt.Kind, m: m, lang: opt.Lang, today: opt.today(), schools: map[int]int64{}}
	schools, err := st.FindSchools(ctx)
	if err != nil {
		return nil, err
	}
	for _, sc := range schools {
		p.schools[sc.Number] = sc.ID
	}
	if opt.SchoolNumber != 0 {
		if p.school = p.schools[opt.SchoolNumber]; p.school == 0 {
			return nil, fmt.Errorf("school №%d: %w", opt.SchoolNumber, data.ErrNotFound)
		}
	}
	if p.campaigns, err = st.FindCampaigns(ctx); err != nil {
		return nil, err
	}
	if opt.CampaignYear != 0 {
		if p.campaign, err = st.FindCampaignByYear(ctx, opt.CampaignYear); err != nil {
			return nil, err
		}
	}
	if opt.Kind == Sponsors {
		items, err := st.FindAidItems(ctx)
		if err != nil {
			return nil, err
		}
		p.items, p.addItems = newCatalogue(items), opt.AddItems
		if err := checkUnmapped(sh, m, p.items, opt.Lang); err != nil {
			return nil, err
		}
	}
	plan := &Plan{Kind: opt.Kind, Sheet: sh, mapping: m, width: sheetWidth(sh)}
	if plan.schema, err = st.Version(ctx); err != nil {
		return nil, err
	}
	notes, rest := noteProblems(sh, opt.Lang)
	plan.notes = rest
	plan.readRows(p, notes, opt.DropCells)
	plan.NewItems = p.newItems
	if opt.Unmatched {
		return plan, nil
	}
	if err := plan.save(ctx, st, data.ImportOptions{DryRun: true}); err != nil {
		return nil, err
	}
	return plan, nil
}

// ErrStale means the database changed shape between Preview and Commit.
var ErrStale = errors.New("the database changed since the preview; preview again")

// Commit saves the plan's new and updated rows in one transaction: all or
// nothing. progress, if not nil, is called after each row with the count
// done. It returns the summary of what was saved, which equals the
// preview's unless someone changed the same records in between.
func Commit(ctx context.Context, st ImportStore, plan *Plan, progress func(done, total int)) (Summary, error) {
	if v, err := st.Version(ctx); err != nil || v != plan.schema {
		return Summary{}, ErrStale
	}
	if err := plan.save(ctx, st, data.ImportOptions{Progress: progress}); err != nil {
		return Summary{}, err
	}
	return plan.Summary(), nil
}

// save hands the rows to import to the store and marks them with their
// outcomes.
func (p *Plan) save(ctx context.Context, st ImportStore, opt data.ImportOptions) error {
	var (
		outcomes []data.ImportOutcome
		added    []bool
		err      error
	)
	if p.Kind == Sponsors {
		var rows []data.SponsorImport
		for _, r := range p.Rows {
			if importable(r.Status) {
				si := data.SponsorImport{Sponsor: *r.Sponsor}
				if r.Donation != nil {
					d := *r.Donation
					si.Donation = &d
				}
				rows = append(rows, si)
			}
		}
		var remap map[int64]int64
		opt.NewItems, remap = p.usedNewItems()
		for i := range rows {
			if d := rows[i].Donation; d != nil {
				d.Items = slices.Clone(d.Items)
				for j, it := range d.Items {
					if it.ItemID < 0 {
						d.Items[j].ItemID = remap[it.ItemID]
					}
				}
			}
		}
		if outcomes, err = st.ImportSponsors(ctx, rows, opt); err != nil {
			return err
		}
		for _, r := range rows {
			added = append(added, r.DonationAdded)
		}
	} else {
		if outcomes, err = st.ImportChildren(ctx, p.children, opt); err != nil {
			return err
		}
	}
	p.apply(outcomes, added)
	return nil
}

// usedNewItems are the new items the rows to import name, and their ids
// among them: an item only a rejected row names is not added.
func (p *Plan) usedNewItems() ([]data.AidItem, map[int64]int64) {
	var used []data.AidItem
	remap := map[int64]int64{}
	for _, r := range p.Rows {
		if !importable(r.Status) || r.Donation == nil {
			continue
		}
		for _, it := range r.Donation.Items {
			if _, ok := remap[it.ItemID]; it.ItemID < 0 && !ok {
				used = append(used, p.NewItems[-it.ItemID-1])
				remap[it.ItemID] = -int64(len(used))
			}
		}
	}
	return used, remap
}

func importable(s Status) bool { return s != StatusRejected && s != StatusDuplicate }

func (p *Plan) apply(outcomes []data.ImportOutcome, added []bool) {
	i := 0
	for j := range p.Rows {
		if !importable(p.Rows[j].Status) {
			continue
		}
		switch outcomes[i] {
		case data.ImportNew:
			p.Rows[j].Status = StatusNew
		case data.ImportUpdated:
			p.Rows[j].Status = StatusUpdated
		default:
			p.Rows[j].Status = StatusUnchanged
		}
		p.Rows[j].DonationAdded = i < len(added) && added[i]
		i++
	}
}
