-- The donations screen lists a campaign's donations newest first, a page
-- at a time (ORDER BY donated_on DESC, id DESC LIMIT n, the next page after
-- the last row's date and id): this index walks that order without
-- sorting the campaign's donations.
CREATE INDEX donations_newest ON donations(campaign_id, donated_on, id);
