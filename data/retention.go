package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
)

// AnonymousIINMark begins the IIN of an anonymised child: the column stays
// twelve characters and unique, and no real IIN (twelve digits) begins so.
const AnonymousIINMark = "X"

// AnonymousName is the surname of an anonymised child and the name of an
// anonymised coverage case: what the screens show instead of a name.
const AnonymousName = "—"

// IsAnonymousIIN tells whether an IIN is an anonymised child's mark.
func IsAnonymousIIN(iin string) bool { return strings.HasPrefix(iin, AnonymousIINMark) }

// RetentionReport says what Retain anonymised (or, on a dry run, would).
// Its JSON keys are the retention subcommand's output: add, never rename.
type RetentionReport struct {
	Before        int                `json:"campaigns_before"`
	DryRun        bool               `json:"dry_run"`
	Campaigns     []RetainedCampaign `json:"campaigns"`
	Children      int                `json:"children"`
	CoverageCases int                `json:"coverage_cases"`
	AuditRecords  int                `json:"audit_records"`
	// Vacuumed: the database was rewritten after, so no free page keeps
	// the old text (a server's user who does not own the tables cannot).
	Vacuumed bool `json:"vacuumed"`
}

// RetainedCampaign counts the children whose last campaign it was, and
// the campaign's coverage cases, anonymised.
type RetainedCampaign struct {
	Year          int `json:"year"`
	Children      int `json:"children"`
	CoverageCases int `json:"coverage_cases"`
}

// scrubbedKeys are the personal fields of the children, their categories'
// documents and the coverage cases as the audit log records them: the
// app's own records (Go names) and a server's triggers (column names).
var scrubbedKeys = []string{
	"IIN", "Surname", "Name", "Patronymic", "BirthDate", "Address", "GuardianName", "GuardianPhone",
	"ConsentBy", "Notes", "Categories", "ChildName", "ChildIIN", "SourceName", "Action",
	"iin", "surname", "name", "patronymic", "birth_date", "address", "guardian_name", "guardian_phone",
	"consent_by", "notes", "search", "doc_type", "doc_number", "doc_date", "doc_valid_until",
	"child_name", "child_iin", "source_name", "action",
}

// retentionCandidates lists the children not yet anonymised whose last
// campaign (a distribution, a coverage case, an appeal) was before year,
// with that campaign's year.
const retentionCandidates = `SELECT l.child_id, max(c.year) FROM (
		SELECT child_id, campaign_id FROM distributions
		UNION ALL SELECT child_id, campaign_id FROM coverage_cases WHERE child_id IS NOT NULL
		UNION ALL SELECT child_id, campaign_id FROM appeals WHERE child_id IS NOT NULL) l
	JOIN campaigns c ON c.id = l.campaign_id
	JOIN children ch ON ch.id = l.child_id
	WHERE ch.iin NOT LIKE '` + AnonymousIINMark + `%'
	GROUP BY l.child_id HAVING max(c.year) < ?
	ORDER BY l.child_id`

// retentionCases counts, per campaign year before ?, the coverage cases
// not yet anonymised.
const retentionCases = `SELECT c.year, count(*) FROM coverage_cases cc JOIN campaigns c ON c.id = cc.campaign_id
	WHERE c.year < ? AND NOT (cc.child_name = '` + AnonymousName + `' AND cc.child_iin = '')
	GROUP BY c.year`

// Retain anonymises every child whose last campaign was before the year
// before: name, patronymic, IIN, address, guardian, consent's signer,
// notes and the categories' documents go; school, grade, sex, birth year,
// sizes and categories stay, so every campaign's summary and report stay
// equal. The coverage cases of those years are anonymised the same way
// and the audit log's records of them scrubbed, all in one transaction;
// then the database is vacuumed, so no free page keeps the old text. A dry
// run only counts. Only the admin may.
func (s *Store) Retain(ctx context.Context, before int, dryRun bool) (RetentionReport, error) {
	if err := s.require(RoleAdmin); err != nil {
		return RetentionReport{}, err
	}
	if before < 1900 || before > 3000 {
		return RetentionReport{}, invalid("campaigns_before", fmt.Sprint(before), "err.retention.year")
	}
	var rep RetentionReport
	if dryRun {
		tx, err := s.readTx(ctx)
		if err != nil {
			return rep, err
		}
		defer tx.Rollback()
		rep, _, err = retentionPlan(ctx, tx, before)
		rep.DryRun = true
		return rep, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, children, err := retentionPlan(ctx, tx, before)
		if err != nil {
			return err
		}
		if err := s.anonymise(ctx, tx, children, before); err != nil {
			return err
		}
		if r.AuditRecords, err = s.scrubAudit(ctx, tx); err != nil {
			return err
		}
		if err := s.recordAccess(ctx, tx, AccessRetention, 0, r.Children); err != nil {
			return err
		}
		rep = r
		return nil
	})
	if err != nil {
		return RetentionReport{}, fmt.Errorf("retention before %d: %w", before, err)
	}
	if rep.Vacuumed, err = s.vacuumAfterRetention(ctx); err != nil {
		return rep, fmt.Errorf("retention before %d: vacuum: %w", before, err)
	}
	return rep, nil
}

// retentionPlan finds the children and counts the coverage cases Retain
// anonymises.
func retentionPlan(ctx context.Context, tx *sql.Tx, before int) (RetentionReport, []int64, error) {
	rep := RetentionReport{Before: before, Campaigns: []RetainedCampaign{}}
	byYear := map[int]*RetainedCampaign{}
	year := func(y int) *RetainedCampaign {
		if byYear[y] == nil {
			byYear[y] = &RetainedCampaign{Year: y}
		}
		return byYear[y]
	}
	var children []int64
	err := eachPair(ctx, tx, retentionCandidates, before, func(id int64, y int) {
		children = append(children, id)
		year(y).Children++
		rep.Children++
	})
	if err != nil {
		return rep, nil, fmt.Errorf("find the children: %w", err)
	}
	err = eachPair(ctx, tx, retentionCases, before, func(y int64, n int) {
		year(int(y)).CoverageCases += n
		rep.CoverageCases += n
	})
	if err != nil {
		return rep, nil, fmt.Errorf("count the coverage cases: %w", err)
	}
	for _, c := range byYear {
		rep.Campaigns = append(rep.Campaigns, *c)
	}
	sort.Slice(rep.Campaigns, func(i, j int) bool { return rep.Campaigns[i].Year < rep.Campaigns[j].Year })
	return rep, children, nil
}

func eachPair(ctx context.Context, tx *sql.Tx, query string, arg any, fn func(int64, int)) error {
	rows, err := tx.QueryContext(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a int64
		var b int
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		fn(a, b)
	}
	return rows.Err()
}

// anonymise blanks the children's personal fields and their documents, and
// the coverage cases of the campaigns before the year.
func (s *Store) anonymise(ctx context.Context, tx *sql.Tx, children []int64, before int) error {
	child, err := tx.PrepareContext(ctx, `UPDATE children SET iin = ?, surname = ?, name = '', patronymic = '',
		birth_date = CASE WHEN birth_date IS NULL THEN NULL ELSE substr(birth_date, 1, 4) || '-01-01' END,
		address = '', guardian_name = '', guardian_phone = '', consent_by = '', notes = '', search = '',
		sort_key = ?, version = version + 1, changed_by = ?, changed_at = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer child.Close()
	docs, err := tx.PrepareContext(ctx, `UPDATE child_categories SET doc_type = '', doc_number = '',
		doc_date = NULL, doc_valid_until = NULL WHERE child_id = ?`)
	if err != nil {
		return err
	}
	defer docs.Close()
	at := s.Now().UTC().Format(time.RFC3339)
	key := childSortKey(AnonymousName, "", "") // the name's key, computed from it, goes with it
	for _, id := range children {
		if _, err := child.ExecContext(ctx, anonymousIIN(), AnonymousName, key, s.actor, at, id); err != nil {
			return fmt.Errorf("anonymise child %d: %w", id, mapConstraint(err))
		}
		if _, err := docs.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("anonymise child %d's documents: %w", id, err)
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE coverage_cases SET child_name = ?, child_iin = '', address = '',
		source_name = '', action = '',
		birth_date = CASE WHEN birth_date IS NULL THEN NULL ELSE substr(birth_date, 1, 4) || '-01-01' END
		WHERE campaign_id IN (SELECT id FROM campaigns WHERE year < ?)
		AND NOT (child_name = ? AND child_iin = '')`, AnonymousName, before, AnonymousName)
	if err != nil {
		return fmt.Errorf("anonymise the coverage cases: %w", err)
	}
	return nil
}

// anonymousIIN returns a new mark for an anonymised child: random, so two
// districts' anonymised children never meet in a roll-up; letters only, so
// no digit of it is read as a birth date or a sex (IIN.Sex).
func anonymousIIN() string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := make([]byte, 11)
	rand.Read(b)
	for i := range b {
		b[i] = letters[int(b[i])%len(letters)]
	}
	return AnonymousIINMark + string(b)
}

// scrubAudit removes the personal fields from the audit log's records of
// the anonymised children and coverage cases (the server's triggers have
// just recorded the anonymisation's own old values too).
func (s *Store) scrubAudit(ctx context.Context, tx *sql.Tx) (int, error) {
	keys := strings.Join(scrubbedKeys, ",")
	if s.serverAudit {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT mkzh_scrub_audit(?, ?, ?)`, keys, AnonymousIINMark, AnonymousName).Scan(&n)
		if err != nil {
			return 0, fmt.Errorf("scrub the audit log: %w", err)
		}
		return n, nil
	}
	scrub := func(col string) string {
		if s.dialect == postgresDialect {
			return `(` + col + `::jsonb - string_to_array(?, ','))::text`
		}
		paths := make([]string, len(scrubbedKeys))
		for i, k := range scrubbedKeys {
			paths[i] = `'$.` + k + `'` // the keys are this file's constants
		}
		return `json_remove(` + col + `, ` + strings.Join(paths, ", ") + `)`
	}
	args := []any{}
	if s.dialect == postgresDialect {
		args = append(args, keys, keys)
	}
	res, err := tx.ExecContext(ctx, `UPDATE audit_log SET old_json = `+scrub("old_json")+`, new_json = `+scrub("new_json")+`
		WHERE (table_name IN ('children', 'child_categories')
			AND row_id IN (SELECT id FROM children WHERE iin LIKE ? || '%'))
		OR (table_name = 'coverage_cases'
			AND row_id IN (SELECT id FROM coverage_cases WHERE child_name = ? AND child_iin = ''))`,
		append(args, AnonymousIINMark, AnonymousName)...)
	if err != nil {
		return 0, fmt.Errorf("scrub the audit log: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
