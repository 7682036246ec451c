package data

// SetClerk names who the store records as making its changes, so that a
// test's two clerks on one database can be told apart.
func (s *Store) SetClerk(name string) { s.actor = name }
