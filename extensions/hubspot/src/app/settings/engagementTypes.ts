// Engagement events in words (src/domain/scoring/profile.ts ENGAGEMENT_TYPES), for the hand-raise picker.
export const ENGAGEMENT_TYPE_LABELS: Record<string, string> = {
  visit: 'Website visit',
  page_view: 'Page view',
  form_submission: 'Form submission',
  email_open: 'Email open',
  email_click: 'Email click',
  content_download: 'Content download',
  webinar_attended: 'Webinar attended',
  meeting_booked: 'Meeting booked',
  demo_request: 'Demo request',
  contact_sales: 'Contact-sales request',
  unsubscribe: 'Unsubscribe',
  email_bounce: 'Email bounce',
};
