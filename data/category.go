package data

import (
	"context"
	"fmt"
)

// Category codes of children in need, in the seed's order.
const (
	CatLowIncome       = "low_income"
	CatLargeFamily     = "large_family"
	CatDysfunctional   = "dysfunctional"
	CatSingleParent    = "single_parent"
	CatSpecialNeeds    = "special_needs"
	CatOrphan          = "orphan"
	CatNoParentalCare  = "no_parental_care"
	CatDeviant         = "deviant"
	CatRiskGroup       = "risk_group"
	CatOtherVulnerable = "other_vulnerable"
)

// CategoryCodes lists the ten categories in the seed's order.
var CategoryCodes = []string{CatLowIncome, CatLargeFamily, CatDysfunctional, CatSingleParent, CatSpecialNeeds,
	CatOrphan, CatNoParentalCare, CatDeviant, CatRiskGroup, CatOtherVulnerable}

// Category is one of the ten categories of children in need.
type Category struct {
	Code     string
	Position int
	NameKK   string
	NameRU   string
}

// Name returns the category's name in lang (kk or ru).
func (c Category) Name(lang string) string {
	if lang == "ru" {
		return c.NameRU
	}
	return c.NameKK
}

// IsCategory tells whether code is one of the ten categories.
func IsCategory(code string) bool {
	for _, c := range CategoryCodes {
		if c == code {
			return true
		}
	}
	return false
}

// FindCategories returns the ten categories in order.
func (s *Store) FindCategories(ctx context.Context) ([]Category, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT code, position, name_kk, name_ru FROM categories ORDER BY position`)
	if err != nil {
		return nil, fmt.Errorf("find categories: %w", err)
	}
	defer rows.Close()
	var out []Category
	for rows.Next() {
		var c Category
		if err := rows.Scan(&c.Code, &c.Position, &c.NameKK, &c.NameRU); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
