// The site's clock: Dutch time. Calendar days (reviews, due dates) and every date shown or mailed
// are in this zone, whatever the server's own zone is.
export const TIME_ZONE = 'Europe/Amsterdam';
