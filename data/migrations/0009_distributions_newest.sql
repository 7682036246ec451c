-- Тарату lists a campaign's distributions newest first, a page at a time
-- (ORDER BY given_on DESC, id DESC LIMIT n, the next page after the last
-- row's date and id): these indexes walk that order without reading or
-- sorting the campaign's million rows; the second for the head's «only
-- pending» list.
CREATE INDEX distributions_newest ON distributions(campaign_id, given_on, id);
CREATE INDEX distributions_pending_newest ON distributions(campaign_id, given_on, id) WHERE approved_by = '';
