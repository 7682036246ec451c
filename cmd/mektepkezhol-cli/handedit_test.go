package main

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

// breakIIN writes a bad IIN behind the app's back, as a hand edit with
// plain sqlite3 would.
func breakIIN(path string) error {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`UPDATE children SET iin = '791028302729' WHERE id = (SELECT min(id) FROM children)`)
	return err
}
