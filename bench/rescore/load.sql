-- Rescoring benchmark data (see bench/README.md, "Rescoring after a rule change"): :leads lead profiles with
-- Segment traits, :events events each (spread over the 180 days before now, skewed to recent, drawn from the event
-- types the default rules read and a few they ignore), and one decision per lead under ruleset :version (the
-- version active when loading), with its latest-decision rows, so that every lead is due for rescoring as soon as
-- another version goes live. psql variables: version, leads, events.
\set ON_ERROR_STOP on
select setseed(0.42);

insert into lead_profile (lead_id, traits, mql, ruleset_version, created_at, updated_at)
select 'rs-' || lpad(l::text, 7, '0'),
       json_build_object(
         'email', (array['ana', 'bo', 'cy', 'di'])[1 + l % 4] || l || '@'
                  || (array['brandco.com', 'gmail.com', 'shop.io', 'uni.edu', 'klaviyo.com', 'retail.co'])[1 + l % 6],
         'title', (array['Director of E-commerce', 'Marketing Manager', 'Founder', 'Engineer', 'Head of Growth'])[1 + l % 5],
         'industry', (array['Apparel', 'Beauty', 'Retail', 'Software', 'Furniture'])[1 + l % 5],
         'employees', (array[5, 60, 200, 900, 4000])[1 + (l / 5) % 5],
         'annualRevenue', (array[500000, 2000000, 10000000, 50000000, 300000000])[1 + (l / 25) % 5],
         'country', (array['US', 'GB', 'DE', 'BR', 'CA', 'FR'])[1 + (l / 7) % 6],
         'unsubscribed', l % 50 = 0)::text,
       false, :'version', now() - interval '200 days', now() - interval '1 day'
from generate_series(1, :leads) l;

insert into lead_event (message_id, lead_id, kind, event_type, occurred_at, received_at, properties, payload, arrival)
select 'rs-' || l || '-' || k, 'rs-' || lpad(l::text, 7, '0'), 'track',
       (array['Pricing Page Viewed', 'Email Opened', 'Email Opened', 'Email Link Clicked', 'Page Viewed', 'Page Viewed',
              'Product Viewed', 'Product Viewed', 'Blog Post Read', 'Blog Post Read', 'Demo Requested', 'Demo Attended',
              'Webinar Attended', 'Case Study Downloaded', 'Checkout Started', 'Careers Page Viewed', 'Email Bounced',
              'Integrations Page Viewed', 'Video Played', 'Cart Viewed'])[1 + floor(random() * 20)::int],
       t, t, '{}', '{}', 0
from generate_series(1, :leads) l, generate_series(1, :events) k,
     lateral (select now() - interval '180 days' * power(random() + 0 * l * k, 2) as t) ts;

-- One earlier decision per lead under the loaded version, and the lead's latest rows for the rule-hit report.
insert into score_decision (lead_id, decided_at, score, mql, ruleset_version, cause_type, cause_event_id,
                            cause_event_type, breakdown, hits)
select lead_id, now() - interval '1 day', 40, false, :'version', 'event', null, 'Bench', '{}', '[]'
from lead_profile where lead_id like 'rs-%';
insert into latest_decision (lead_id, ruleset_version, decision_id, decided_at, score, mql, latest)
select lead_id, ruleset_version, id, decided_at, score, mql, true from score_decision where cause_event_type = 'Bench';
insert into latest_decision_rule (lead_id, ruleset_version, rule, category, fires, points, net, first_of_category,
                                  score, mql, decided_at, decision_id, latest, score_without)
select d.lead_id, d.ruleset_version, r.rule, r.category, 1, r.points, r.points, r.first, 40, false, d.decided_at,
       d.id, true, 40 - r.points
from score_decision d,
     (values ('Industry: target vertical', 'fit', 15, true), ('Country: core market', 'fit', 10, false),
             ('3+ email opens in 30 days', 'intent', 15, true)) r(rule, category, points, first)
where d.cause_event_type = 'Bench';
-- The segment fields as the service derives them from these traits (SegmentFields), as after a stored decision.
insert into lead_segment (lead_id, field, field_value)
select p.lead_id, f.field, f.field_value
from lead_profile p, lateral (values ('industry', (p.traits::json) ->> 'industry'),
                                     ('country', (p.traits::json) ->> 'country'),
                                     ('jobTitle', (p.traits::json) ->> 'title'),
                                     ('emailDomain', split_part((p.traits::json) ->> 'email', '@', 2)),
                                     ('employees', (p.traits::json) ->> 'employees'),
                                     ('gmv', (p.traits::json) ->> 'annualRevenue')) f(field, field_value)
where p.lead_id like 'rs-%';

vacuum analyze lead_profile;
vacuum analyze lead_event;
vacuum analyze score_decision;
vacuum analyze latest_decision;
vacuum analyze latest_decision_rule;
vacuum analyze lead_segment;
select count(*) as leads from lead_profile;
select count(*) as events from lead_event;
