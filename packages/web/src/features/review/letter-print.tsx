import { formatDate } from '../../lib/format.ts';
import { NATURE_LABEL } from './document-words.ts';
import type { OfficialLetter } from './review-types.ts';

/**
 * An official letter laid out as the tata naskah dinas prescribes: the letterhead, place and
 * date, number, sifat, lampiran and hal, the addressee, the text, the signature and the copies.
 * Official documents are in Indonesian whatever the screen's language.
 */
export const LetterSheet = ({
  letter,
  letterhead,
  hash,
}: {
  letter: OfficialLetter;
  /** The issuing office, e.g. "Dinas PUPR PERA Provinsi Kalimantan Timur". */
  letterhead: string;
  /** The SHA-256 of the snapshot the letter carries, when it carries one. */
  hash?: string | null | undefined;
}) => (
  <div data-testid="letter-sheet">
    <div className="kop">{letterhead}</div>
    <p style={{ textAlign: 'right' }}>
      {letter.place}, {formatDate(letter.date, 'id')}
    </p>
    <table style={{ width: 'auto' }}>
      <tbody>
        <tr>
          <td>Nomor</td>
          <td>:</td>
          <td>{letter.number}</td>
        </tr>
        <tr>
          <td>Sifat</td>
          <td>:</td>
          <td>{NATURE_LABEL[letter.nature] ?? letter.nature}</td>
        </tr>
        <tr>
          <td>Lampiran</td>
          <td>:</td>
          <td>{letter.attachment}</td>
        </tr>
        <tr>
          <td>Hal</td>
          <td>:</td>
          <td>
            <strong>{letter.subject}</strong>
          </td>
        </tr>
      </tbody>
    </table>
    <p style={{ marginTop: '14pt' }}>
      Yth. {letter.addressee.position}
      <br />
      di {letter.addressee.place}
    </p>
    {letter.body.length > 0 ? (
      letter.body.map((p) => (
        <p key={p} style={{ textIndent: '1.25cm', textAlign: 'justify' }}>
          {p}
        </p>
      ))
    ) : (
      <>
        <p style={{ textIndent: '1.25cm', textAlign: 'justify' }}>
          Bersama ini kami sampaikan {letter.subject.replace(/^Penyampaian\s+/i, '')} untuk dapat ditelaah
          sebagaimana mestinya.
        </p>
        {hash && (
          <p style={{ fontSize: '10pt' }}>
            Sidik dokumen (SHA-256):{' '}
            <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{hash}</span>
          </p>
        )}
        <p style={{ textIndent: '1.25cm' }}>
          Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.
        </p>
      </>
    )}
    <div className="signature">
      <div>{letter.signatory.position},</div>
      <div className="space" />
      <div>
        <strong style={{ textDecoration: 'underline' }}>{letter.signatory.name}</strong>
      </div>
      {letter.signatory.nip && <div>NIP. {letter.signatory.nip}</div>}
    </div>
    {letter.copies.length > 0 && (
      <div style={{ marginTop: '18pt' }}>
        <div>Tembusan:</div>
        <ol style={{ margin: 0, paddingLeft: '18pt' }}>
          {letter.copies.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
      </div>
    )}
  </div>
);
