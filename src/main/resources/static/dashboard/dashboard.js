// The analyst desk: reads the public API only, as any other client would.
const API = '/api/v1';

// The change feed's collections; the stream names each event "<collection>.<action>".
const COLLECTIONS = ['actors', 'sources', 'incidents', 'ceasefires', 'negotiations', 'talks-rounds', 'crossings',
	'crossing-status-changes', 'ceasefire-violations'];
const ACTIONS = ['created', 'updated', 'deleted'];

const KIND_LABELS = {
	INCIDENT: 'Incident',
	CEASEFIRE_AGREED: 'Ceasefire agreed',
	CEASEFIRE_ENDED: 'Ceasefire ended',
	TALKS_ROUND: 'Talks round',
	CROSSING_STATUS_CHANGED: 'Crossing change',
};
const STATUS_LABELS = { OPEN: 'Open', PARTIALLY_OPEN: 'Partially open', CLOSED: 'Closed', UNKNOWN: 'Unknown' };
const TIMELINE_PAGE = 20;

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === null || value === undefined) continue;
		if (name === 'text') node.textContent = value;
		else node.setAttribute(name, value);
	}
	for (const child of children) {
		if (child !== null && child !== undefined) node.append(child);
	}
	return node;
}

async function getJson(path, accept = 'application/json') {
	const response = await fetch(path, { headers: { Accept: accept } });
	if (!response.ok) {
		let detail = response.statusText;
		try {
			const problem = await response.json();
			detail = problem.detail || problem.title || detail;
		}
		catch (ignored) {
			// not a problem document
		}
		throw new Error(`${response.status} ${detail}`);
	}
	return response.json();
}

function isoDate(date) {
	return date.toISOString().slice(0, 10);
}

function addDays(day, days) {
	const date = new Date(day + 'T00:00:00Z');
	date.setUTCDate(date.getUTCDate() + days);
	return isoDate(date);
}

function formatInstant(instant) {
	if (!instant) return '';
	return instant.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

function names(actors) {
	return (actors || []).map((actor) => actor.name).join(', ');
}

function humanize(code) {
	return (code || '').toLowerCase().replace(/_/g, ' ');
}

// ---- state: the chosen date lives in the address, so a view can be bookmarked ----

const state = {
	asOf: new URLSearchParams(location.search).get('asOf') || isoDate(new Date()),
	timelineCursors: [null],
};

// ---- situation ----

async function loadSituation() {
	$('#situation-date').textContent = state.asOf;
	$('#situation-date').setAttribute('datetime', state.asOf);
	const error = $('#situation-error');
	try {
		const situation = await getJson(`${API}/situation?asOf=${state.asOf}`);
		error.hidden = true;
		renderTotals(situation.incidents);
		renderCeasefires(situation.ceasefiresInEffect);
		renderTalks(situation.talks);
		renderCrossings(situation.crossings);
		document.body.dataset.situationAsOf = situation.asOf;
	}
	catch (ex) {
		error.textContent = `The situation could not be loaded: ${ex.message}`;
		error.hidden = false;
	}
}

// A sum over the incidents that report a figure, and how many did not report one: an
// unreported figure is unknown, not 0.
function withUnreported(total, unreported) {
	return unreported ? `${total ?? 0} (${unreported} not reported)` : total;
}

function renderTotals(incidents) {
	const body = $('#totals tbody');
	body.replaceChildren(...[['Last 7 days', incidents.last7Days], ['Last 30 days', incidents.last30Days]].map(
			([label, window]) => el('tr', {}, el('th', { scope: 'row', text: label }),
					el('td', { text: window.count }),
					el('td', { text: withUnreported(window.fatalities, window.fatalitiesNotReported) }),
					el('td', { text: withUnreported(window.wounded, window.woundedNotReported) }))));
}

function renderCeasefires(ceasefires) {
	const list = $('#ceasefires');
	if (!ceasefires.length) {
		list.replaceChildren(el('li', { text: 'None in effect.' }));
		return;
	}
	list.replaceChildren(...ceasefires.map((ceasefire) => el('li', {},
			el('strong', { text: ceasefire.name }), ` (${humanize(ceasefire.arrangement)}), in effect since `,
			el('time', { datetime: ceasefire.effectiveFrom, text: ceasefire.effectiveFrom }),
			el('br'), el('span', { class: 'meta', text: `Parties: ${names(ceasefire.parties)}` }),
			ceasefire.mediators.length ? el('span', { class: 'meta', text: `; mediated by ${names(ceasefire.mediators)}` })
				: null)));
}

function renderTalks(talks) {
	const list = $('#talks');
	const round = (label, value) => [el('dt', { text: label }),
		el('dd', { text: value ? `${value.negotiation ? value.negotiation.name + ', ' : ''}round ${value.roundNumber}`
			+ `, ${value.venueCity || 'venue unknown'}${value.venueCountry ? ' (' + value.venueCountry + ')' : ''}`
			+ `, ${value.startDate}${value.endDate && value.endDate !== value.startDate ? ' to ' + value.endDate : ''}`
			+ ` (${humanize(value.status)})` : 'None recorded.' })];
	list.replaceChildren(...round('Latest round', talks.latestRound), ...round('Next round', talks.nextRound));
}

function renderCrossings(crossings) {
	$('#crossings tbody').replaceChildren(...crossings.map((crossing) => el('tr', { 'data-crossing': crossing.name },
			el('th', { scope: 'row', text: crossing.name }),
			el('td', { text: [crossing.countryA, crossing.countryB].filter(Boolean).join(' / ') }),
			el('td', {}, el('span', { class: `status status-${crossing.status}`, 'data-status': crossing.status,
				text: STATUS_LABELS[crossing.status] || crossing.status })),
			el('td', { text: (crossing.allowedTraffic || []).length ? crossing.allowedTraffic.map(humanize).join(', ')
				: (crossing.status === 'UNKNOWN' ? '' : 'none') }),
			el('td', {}, crossing.since ? el('time', { datetime: crossing.since, text: formatInstant(crossing.since) }) : ''),
			el('td', { text: crossing.reason || '' }))));
}

// ---- map: bundled Natural Earth outlines, incidents from the GeoJSON export ----

let map;
let incidentLayer;

async function setUpMap() {
	map = L.map('map', { zoomControl: true, attributionControl: true, keyboard: true }).setView([31.0, 68.5], 5);
	map.attributionControl.setPrefix(false);
	try {
		const outlines = await getJson('/dashboard/region.geojson', 'application/geo+json, application/json');
		L.geoJSON(outlines, {
			style: (feature) => ({
				color: '#55606b', weight: 1,
				fillColor: ['AFG', 'PAK'].includes(feature.properties.iso) ? '#f7f3e8' : '#e4e6e2', fillOpacity: 1,
			}),
			interactive: false,
			attribution: 'Natural Earth',
		}).addTo(map);
	}
	catch (ex) {
		$('#map-summary').textContent = `Country outlines unavailable: ${ex.message}`;
	}
	incidentLayer = L.layerGroup().addTo(map);
}

async function loadIncidentsMap() {
	const from = addDays(state.asOf, -182);
	const summary = $('#map-summary');
	try {
		const geojson = await getJson(`${API}/incidents?from=${from}&to=${state.asOf}`, 'application/geo+json');
		incidentLayer.clearLayers();
		for (const feature of geojson.features) {
			const [lon, lat] = feature.geometry.coordinates;
			const p = feature.properties;
			const radius = 5 + Math.min(15, Math.sqrt(p.fatalities || 0) * 2);
			L.circleMarker([lat, lon], { radius, color: '#7a0b10', weight: 2, fillColor: '#d7301f', fillOpacity: 0.55,
				className: 'incident-marker' })
				.bindPopup(() => {
					const box = el('div', {}, el('strong', { text: p.title || p.eventType }), el('br'),
							`${p.eventDate}, ${p.location || p.admin1 || p.country || ''}`, el('br'),
							`${p.eventType}${p.subEventType ? ' / ' + p.subEventType : ''}`, el('br'),
							(p.fatalities === null || p.fatalities === undefined) ? 'Killed: not reported'
								: `Killed (best estimate): ${p.fatalities}`);
					return box;
				})
				.addTo(incidentLayer);
		}
		const count = geojson.features.length;
		summary.textContent = `${count} located incident${count === 1 ? '' : 's'} from ${from} to ${state.asOf}; `
			+ 'circle size grows with the number killed.';
		document.body.dataset.mapMarkers = String(geojson.features.length);
	}
	catch (ex) {
		summary.textContent = `Incidents could not be loaded: ${ex.message}`;
	}
}

// ---- weekly chart ----

let chart;

async function loadChart() {
	const from = addDays(state.asOf, -181);
	try {
		const stats = await getJson(`${API}/stats/incidents?interval=week&from=${from}&to=${state.asOf}`);
		const buckets = stats.buckets;
		$('#chart-table tbody').replaceChildren(...buckets.map((bucket) => el('tr', {},
				el('th', { scope: 'row', text: `${bucket.period} (${bucket.start})` }), el('td', { text: bucket.incidents }),
				el('td', { text: bucket.fatalities }), el('td', { text: bucket.wounded }))));
		const data = [buckets.map((bucket) => Date.parse(bucket.start + 'T00:00:00Z') / 1000),
			buckets.map((bucket) => bucket.incidents), buckets.map((bucket) => bucket.fatalities)];
		const container = $('#chart');
		const options = {
			width: Math.max(300, container.clientWidth - 2),
			height: 300,
			tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
			series: [{ label: 'Week' },
				{ label: 'Incidents', stroke: '#0b4f8a', width: 2, scale: 'count', points: { show: true } },
				{ label: 'Killed', stroke: '#a3161b', width: 2, dash: [6, 4], scale: 'count', points: { show: true } }],
			axes: [{}, { scale: 'count', label: 'Number' }],
		};
		if (chart) chart.destroy();
		chart = new uPlot(options, data, container);
	}
	catch (ex) {
		$('#chart').textContent = `The statistics could not be loaded: ${ex.message}`;
	}
}

// ---- timeline ----

function timelineQuery(cursor) {
	const form = $('#timeline-filters');
	const params = new URLSearchParams();
	for (const name of ['from', 'to', 'country', 'actor', 'q']) {
		const value = form.elements[name].value.trim();
		if (value) params.set(name, value);
	}
	const kinds = [...form.querySelectorAll('input[name="kind"]:checked')].map((box) => box.value);
	if (kinds.length) params.set('kind', kinds.join(','));
	params.set('order', 'desc');
	params.set('limit', String(TIMELINE_PAGE));
	if (cursor) params.set('cursor', cursor);
	return params;
}

async function loadTimeline() {
	const cursor = state.timelineCursors[state.timelineCursors.length - 1];
	const summary = $('#timeline-summary');
	try {
		const page = await getJson(`${API}/timeline?${timelineQuery(cursor)}`);
		$('#timeline').replaceChildren(...page.items.map(timelineItem));
		const number = state.timelineCursors.length;
		summary.textContent = page.items.length
			? `Page ${number}: ${page.items.length} entries, newest first.`
			: 'No entry matches these filters.';
		$('#tl-next').disabled = !page.nextCursor;
		$('#tl-next').dataset.cursor = page.nextCursor || '';
		$('#tl-first').disabled = number === 1;
	}
	catch (ex) {
		summary.textContent = `The timeline could not be loaded: ${ex.message}`;
	}
}

function timelineItem(entry) {
	const place = entry.location && entry.location.placeName ? `, ${entry.location.placeName}` : '';
	const killed = entry.fatalities !== null && entry.fatalities !== undefined ? `; killed: ${entry.fatalities}` : '';
	return el('li', { 'data-kind': entry.kind },
			el('span', { class: 'kind', text: KIND_LABELS[entry.kind] || entry.kind }),
			el('time', { datetime: entry.date, text: entry.date + (entry.endDate && entry.endDate !== entry.date
				? ` to ${entry.endDate}` : '') }),
			' ', el('strong', { class: 'title', text: entry.title }),
			el('p', { class: 'meta', text: `${(entry.countries || []).join(', ')}${place}${killed}` }),
			entry.summary ? el('p', { text: entry.summary }) : null);
}

async function loadActors() {
	try {
		const page = await getJson(`${API}/actors?limit=500`);
		const select = $('#tl-actor');
		const sorted = page.items.slice().sort((a, b) => a.name.localeCompare(b.name));
		select.append(...sorted.map((actor) => el('option', { value: actor.id, text: actor.name })));
	}
	catch (ex) {
		// the filter still works without the list: the other filters stay usable
	}
}

// ---- live: the change stream ----

let refreshTimer;

function scheduleRefresh() {
	// A burst of changes (an import) refreshes once, not once per change.
	clearTimeout(refreshTimer);
	refreshTimer = setTimeout(() => {
		loadSituation();
		loadTimeline();
		loadIncidentsMap();
		loadChart();
	}, 300);
}

function describeChange(change) {
	const record = change.record || {};
	return record.name || record.title || (record.status ? `${humanize(record.status)}${record.reason ? ': '
		+ record.reason : ''}` : '') || change.id;
}

function connectStream() {
	const status = $('#live-status');
	const source = new EventSource(`${API}/changes/stream`);
	source.onopen = () => {
		status.dataset.state = 'open';
		status.textContent = 'Live updates: on';
	};
	source.onerror = () => {
		// EventSource reconnects by itself and resumes with Last-Event-ID
		status.dataset.state = 'error';
		status.textContent = 'Live updates: reconnecting';
	};
	const onChange = (event) => {
		const change = JSON.parse(event.data);
		const item = el('li', { 'data-collection': change.collection, 'data-action': change.action },
				el('span', { class: 'kind', text: `${change.collection} ${humanize(change.action)}` }),
				el('time', { datetime: change.at, text: formatInstant(change.at) }), ' ',
				el('strong', { text: describeChange(change) }));
		const list = $('#live');
		list.prepend(item);
		while (list.children.length > 50) list.lastElementChild.remove();
		scheduleRefresh();
	};
	for (const collection of COLLECTIONS) {
		for (const action of ACTIONS) {
			source.addEventListener(`${collection}.${action}`, onChange);
		}
	}
}

// ---- wiring ----

function wire() {
	const asOfInput = $('#as-of');
	asOfInput.value = state.asOf;
	$('#as-of-form').addEventListener('submit', (event) => {
		event.preventDefault();
		if (!asOfInput.value) return;
		state.asOf = asOfInput.value;
		const url = new URL(location.href);
		url.searchParams.set('asOf', state.asOf);
		history.replaceState(null, '', url);
		loadSituation();
		loadIncidentsMap();
		loadChart();
	});
	const filters = $('#timeline-filters');
	filters.addEventListener('submit', (event) => {
		event.preventDefault();
		state.timelineCursors = [null];
		loadTimeline();
	});
	filters.addEventListener('reset', () => {
		setTimeout(() => {
			state.timelineCursors = [null];
			loadTimeline();
		});
	});
	$('#tl-next').addEventListener('click', () => {
		state.timelineCursors.push($('#tl-next').dataset.cursor);
		loadTimeline();
	});
	$('#tl-first').addEventListener('click', () => {
		state.timelineCursors = [null];
		loadTimeline();
	});
}

async function start() {
	wire();
	await setUpMap();
	await Promise.all([loadSituation(), loadTimeline(), loadIncidentsMap(), loadChart(), loadActors()]);
	connectStream();
	document.body.dataset.ready = 'true';
}

// Module scripts run after the deferred classic scripts (Leaflet, uPlot) in document order.
start();
