package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"regexp"
	"time"
)

// What was read, as the audit log's access records name it (its
// table_name; row_id is the child, 0 for a list).
const (
	AccessCard      = "card"      // a child's card opened
	AccessExport    = "export"    // a list exported: "export:" + the list
	AccessHandover  = "handover"  // a handover sheet printed
	AccessBackup    = "backup"    // a backup made
	AccessRetention = "retention" // old campaigns' children anonymised
)

// ActionAccess is the audit log's action of an access record.
const ActionAccess = "access"

var accessWord = regexp.MustCompile(`^[a-z_:]{1,40}$`)

// RecordAccess writes to the audit log that the store's user read
// children's data: what (AccessCard, AccessExport+":children", …), which
// child (0 for a list) and how many. On a server the record is made by
// the server (mkzh_record_access), from the session's user and clock,
// since nobody may write the audit log directly.
func (s *Store) RecordAccess(ctx context.Context, what string, childID int64, count int) error {
	if !accessWord.MatchString(what) || childID < 0 || count < 0 {
		return fmt.Errorf("record access %q: a word of a-z, _ and :, a child and a count", what)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.recordAccess(ctx, tx, what, childID, count) })
}

func (s *Store) recordAccess(ctx context.Context, tx *sql.Tx, what string, childID int64, count int) error {
	var err error
	if s.serverAudit {
		_, err = tx.ExecContext(ctx, `SELECT mkzh_record_access(?, ?, ?)`, what, childID, count)
	} else {
		n, _ := json.Marshal(map[string]int{"count": count})
		_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
			VALUES (?, ?, ?, ?, ?, NULL, ?)`, s.Now().UTC().Format(time.RFC3339), s.actor, what, childID, ActionAccess, string(n))
	}
	if err != nil {
		return fmt.Errorf("record access %s %d: %w", what, childID, serverError(err))
	}
	return nil
}

// recordBackup records a backup of the database: every child's data is
// copied, so the record counts them.
func (s *Store) recordBackup(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM children`).Scan(&n); err != nil {
			return fmt.Errorf("record the backup: %w", err)
		}
		return s.recordAccess(ctx, tx, AccessBackup, 0, n)
	})
}
