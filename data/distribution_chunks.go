package data

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// bulkDistributions is the size of a batch above which SQLite saves it in
// inBulkTx: any INSERT into distributions keeps a statement journal (the
// tallies' triggers, 0014), and a chunk's spills to a file past 64 KB.
const bulkDistributions = 50

// distributionChunk is how many distributions one INSERT saves on SQLite.
const distributionChunk = 1000

// insertDistributionChunks saves a batch on SQLite in the order of order
// (byChild), 1,000 rows an INSERT of cols, the rows carried in one JSON
// array (appendDistributionJSON), each chunk followed by its audit rows the
// same way (auditLists). 50 rows an INSERT bound 13 values a row and were
// audited one row a statement; a multi-row VALUES holding a subquery (the
// child's school) is compiled as a compound SELECT, which made a larger
// chunk slower, not faster.
//
// Each row is given its id, one after the largest, in that order, as
// SQLite numbers the rows of a plain INSERT. A chunk a constraint refuses
// (its statement undone, the transaction going on) is saved again one row
// at a time by one, whose error names the row; any other error ends the
// batch. A single distribution, and a batch with a text that is no UTF-8
// (JSON would not carry it as it is), go in one row at a time.
func insertDistributionChunks(ctx context.Context, tx *sql.Tx, ds []Distribution, order []int, cols string,
	approval []any, au *auditor, one func(*Distribution) error) error {
	if len(ds) == 1 || !plainTexts(ds) {
		for _, i := range order {
			if err := one(&ds[i]); err != nil {
				return err
			}
		}
		return nil
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM distributions`).Scan(&last); err != nil {
		return err
	}
	for k, i := range order {
		ds[i].ID = last + 1 + int64(k)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO distributions (id, `+cols+`) `+distributionRows(approval != nil))
	if err != nil {
		return err
	}
	defer ins.Close()
	var audit *sql.Stmt
	var lists <-chan auditList
	if au.stmt != nil { // else the server's triggers record them
		if audit, err = tx.PrepareContext(ctx, auditChunk); err != nil {
			return err
		}
		defer audit.Close()
		var stop func()
		lists, stop = auditLists(ds, order)
		defer stop()
	}
	var rows []byte
	for lo := 0; lo < len(ds); lo += distributionChunk {
		hi := min(len(ds), lo+distributionChunk)
		rows = append(rows[:0], '[')
		for k := lo; k < hi; k++ {
			if k > lo {
				rows = append(rows, ',')
			}
			rows = appendDistributionJSON(rows, &ds[order[k]])
		}
		rows = append(rows, ']')
		var list auditList
		if lists != nil {
			if list = <-lists; list.err != nil { // read before one may change the chunk's ids
				return list.err
			}
		}
		_, err := ins.ExecContext(ctx, append([]any{string(rows)}, approval...)...)
		if err != nil && !refused(err) {
			// a full disk (or I/O) may have rolled the whole transaction
			// back, or the clerk cancelled: nothing more may be written
			return fmt.Errorf("give %d items: %w", hi-lo, err)
		}
		if err != nil {
			for _, i := range order[lo:hi] {
				if err := one(&ds[i]); err != nil {
					return err
				}
			}
			continue
		}
		if audit == nil {
			continue
		}
		if _, err := audit.ExecContext(ctx, au.at, au.s.actor, list.rows); err != nil {
			return fmt.Errorf("audit distributions %d–%d: %w", ds[order[lo]].ID, ds[order[hi-1]].ID, err)
		}
	}
	return nil
}

// byChild is the order a batch is saved in, on either engine: by campaign
// and child, the batch's order among a child's rows. Its ids follow it, so
// that the indexes by child (distributions_campaign_child, _child, _school,
// the children's rows and categories the tallies' triggers read) are
// written along their order, not at random: 100,000 distributions listed
// in the alphabet's order took 2.5–3.2 s of CPU with the ids in the
// batch's order, 1.8 s in this one.
func byChild(ds []Distribution) []int {
	order := make([]int, len(ds))
	for i := range ds {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(ds[a].CampaignID, ds[b].CampaignID), cmp.Compare(ds[a].ChildID, ds[b].ChildID),
			cmp.Compare(a, b))
	})
	return order
}

// plainTexts tells whether all texts of a batch are UTF-8, which JSON
// carries as they are.
func plainTexts(ds []Distribution) bool {
	for _, d := range ds {
		if !utf8.ValidString(d.Size) || !utf8.ValidString(d.ActNumber) || !utf8.ValidString(d.IssuedBy) {
			return false
		}
	}
	return true
}

// distributionRows is the SELECT of a chunk's rows out of its JSON array
// (appendDistributionJSON's rows: the id, then the columns of
// distributionInsert), the approval's two columns bound after the array
// when approve.
func distributionRows(approve bool) string {
	q := `SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6,
		COALESCE(value->>7, (SELECT school_id FROM children WHERE id = value->>1)), value->>8, value->>9, value->>10`
	if approve {
		q += `, ?2, ?3`
	}
	return q + ` FROM json_each(?1)`
}

// appendDistributionJSON appends a distribution's row as a JSON array in
// distributionRows' order.
func appendDistributionJSON(b []byte, d *Distribution) []byte {
	b = append(b, '[')
	for _, n := range []int64{d.ID, d.ChildID, d.CampaignID, d.ItemID} {
		b = strconv.AppendInt(b, n, 10)
		b = append(b, ',')
	}
	b = appendJSONText(b, d.Size)
	b = append(b, ',')
	b = strconv.AppendInt(b, d.Quantity, 10)
	b = append(b, ',')
	b = appendJSONText(b, dateText(d.GivenOn))
	b = append(b, ',')
	if d.SchoolID == 0 {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, d.SchoolID, 10)
	}
	b = append(b, ',')
	b = appendJSONText(b, d.ActNumber)
	b = append(b, ',')
	b = appendJSONText(b, d.IssuedBy)
	if d.Forced {
		return append(b, ",1]"...)
	}
	return append(b, ",0]"...)
}

// appendJSONText appends s as a JSON string: quotes, backslashes and
// control characters escaped, every other byte as it is.
func appendJSONText(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// auditList is a chunk's audit rows, one JSON array of [id, "the
// distribution's JSON"] as auditChunk writes it, or why they could not be
// made (a date past the year 9999).
type auditList struct {
	rows string
	err  error
}

// auditLists makes the audit rows of a batch, given its ids, ready on
// another goroutine, a chunk at a time and a few chunks ahead. stop ends
// it and returns once it reads ds no more.
func auditLists(ds []Distribution, order []int) (lists <-chan auditList, stop func()) {
	out, done := make(chan auditList, 4), make(chan struct{})
	go func() {
		defer close(out)
		for lo := 0; lo < len(order); lo += distributionChunk {
			select {
			case <-done:
				return
			default:
			}
			list := []byte{'['}
			for _, i := range order[lo:min(len(order), lo+distributionChunk)] {
				js, err := json.Marshal(&ds[i])
				if err != nil {
					out <- auditList{err: fmt.Errorf("audit distribution %d: %w", ds[i].ID, err)}
					return
				}
				if len(list) > 1 {
					list = append(list, ',')
				}
				list = strconv.AppendInt(append(list, '['), ds[i].ID, 10)
				list = append(appendJSONText(append(list, ','), string(js)), ']')
			}
			select {
			case out <- auditList{rows: string(append(list, ']'))}:
			case <-done:
				return
			}
		}
	}()
	return out, func() {
		close(done)
		for range out { // until it reads ds no more
		}
	}
}

// auditChunk is the INSERT of a chunk's audit rows (auditLists' array
// bound as ?3): the same rows the auditor records one at a time, in the
// batch's order.
const auditChunk = `INSERT INTO audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
	SELECT ?1, ?2, 'distributions', value->>0, 'insert', NULL, value->>1 FROM json_each(?3) ORDER BY key`
