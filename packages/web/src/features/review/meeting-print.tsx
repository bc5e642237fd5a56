import { formatDate } from '../../lib/format.ts';
import { babOf } from './document-words.ts';
import { byInstitution } from './meeting-model.ts';
import type { MeetingRecord, Person, ReviewFinding } from './review-types.ts';

const who = (p: Person | undefined) =>
  p ? [p.name, p.position, p.institution].filter((x) => x && x.trim() !== '').join(', ') : '–';

const time = (t?: string) => (t ? t.replace(':', '.') : '');

const Signature = ({ title, person }: { title: string; person?: Person | undefined }) => (
  <td style={{ width: '50%', textAlign: 'center', paddingTop: '18pt' }}>
    <div>{title},</div>
    <div style={{ height: '48pt' }} />
    <div>
      <strong style={{ textDecoration: 'underline' }}>{person?.name ?? '…………………………'}</strong>
    </div>
    {person?.position && <div>{person.position}</div>}
  </td>
);

/**
 * The notulen of a review meeting and its berita acara, as printed and signed. Official documents
 * are in Indonesian whatever the screen's language; dates read 17 Mei 2023.
 */
export const MeetingSheet = ({
  record: r,
  findings,
}: {
  record: MeetingRecord;
  findings: readonly ReviewFinding[];
}) => {
  const number = new Map(findings.map((f, i) => [f.id, i + 1]));
  const date = formatDate(r.date, 'id');
  const hours = [time(r.startTime), time(r.endTime)].filter(Boolean).join(' – ');
  return (
    <div data-testid="meeting-sheet">
      <h1>Notulen Rapat</h1>
      <h3>{r.title}</h3>
      <table style={{ marginTop: '10pt' }}>
        <tbody>
          <tr>
            <td style={{ width: '32%' }}>Tanggal</td>
            <td>: {date}</td>
          </tr>
          {hours && (
            <tr>
              <td>Waktu</td>
              <td>: {hours}</td>
            </tr>
          )}
          <tr>
            <td>Tempat</td>
            <td>: {r.place}</td>
          </tr>
          <tr>
            <td>Pimpinan rapat</td>
            <td>: {who(r.chair)}</td>
          </tr>
          <tr>
            <td>Notulis</td>
            <td>: {who(r.minuteTaker)}</td>
          </tr>
        </tbody>
      </table>
      <h2>Peserta</h2>
      {byInstitution(r.attendees, 'Lainnya').map(([institution, people]) => (
        <div key={institution}>
          <strong>{institution}</strong>
          <ol style={{ margin: '0 0 6pt', paddingLeft: '18pt' }}>
            {people.map((p) => (
              <li key={`${p.name}-${p.position ?? ''}`}>
                {p.name}
                {p.position ? `, ${p.position}` : ''}
              </li>
            ))}
          </ol>
        </div>
      ))}
      {r.agenda.length > 0 && (
        <>
          <h2>Agenda</h2>
          <ol style={{ paddingLeft: '18pt' }}>
            {r.agenda.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ol>
        </>
      )}
      {r.discussion.length > 0 && (
        <>
          <h2>Pembahasan</h2>
          <table className="bordered">
            <thead>
              <tr>
                <th>No</th>
                <th>BAB</th>
                <th>Pokok bahasan</th>
                <th>Penelaah</th>
                <th>Masukan</th>
                <th>Tanggapan perangkat daerah</th>
              </tr>
            </thead>
            <tbody>
              {r.discussion.map((d, i) => (
                <tr key={`${d.topic}-${i.toString()}`}>
                  <td>{i + 1}</td>
                  <td>{d.chapter ? babOf(d.chapter) : 'Umum'}</td>
                  <td>{d.topic}</td>
                  <td>{d.reviewer ?? ''}</td>
                  <td>{d.comment}</td>
                  <td>{d.response}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {r.conclusions.length > 0 && (
        <>
          <h2>Kesimpulan dan Tindak Lanjut</h2>
          <ol style={{ paddingLeft: '18pt' }}>
            {r.conclusions.map((c) => (
              <li key={c.text} style={{ marginBottom: '6pt' }}>
                {c.text}
                {c.actions.length > 0 && (
                  <table className="bordered" style={{ marginTop: '4pt' }}>
                    <thead>
                      <tr>
                        <th>Tindak lanjut</th>
                        <th>Temuan</th>
                        <th>Penanggung jawab</th>
                        <th>Batas waktu</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.actions.map((a) => (
                        <tr key={a.text}>
                          <td>{a.text}</td>
                          <td>{a.findings.map((f) => `#${number.get(f) ?? '?'}`).join(', ') || '–'}</td>
                          <td>{a.personInCharge ?? '–'}</td>
                          <td>{a.due ? formatDate(a.due, 'id') : '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <table>
        <tbody>
          <tr>
            <Signature title="Notulis" person={r.minuteTaker} />
            <Signature title="Pimpinan rapat" person={r.chair} />
          </tr>
        </tbody>
      </table>
      {r.agreement && (
        <div style={{ breakBefore: 'page', marginTop: '24pt' }} data-testid="agreement-sheet">
          <h1>Berita Acara Kesepakatan</h1>
          <h3>Nomor: {r.agreement.number}</h3>
          <p style={{ textAlign: 'justify' }}>
            Pada tanggal {date}, bertempat di {r.place}, telah dilaksanakan {r.title}, dipimpin oleh{' '}
            {who(r.chair)}. Peserta rapat menyepakati hal-hal sebagai berikut:
          </p>
          <ol style={{ paddingLeft: '18pt' }}>
            {r.agreement.points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
          <p>Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.</p>
          <table>
            <tbody>
              <tr>
                <Signature title="Perwakilan perangkat daerah" />
                <Signature title="Pimpinan rapat" person={r.chair} />
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
};
