/**
 * The links of a dossier's printed forms: exactly the forms the server says can be issued for it now (`documents`
 * of the dossier, by the rule the document routes refuse the others with), never chosen here from its history.
 */
import { t } from '../lib/i18n.js';
import { docLink } from '../lib/ui.js';

/** @typedef {NonNullable<import('../../server/dossiers/dossier.schemas.ts').TDossier['documents']>[number]} DossierDocument */

/** @type {Record<DossierDocument['form'], string>} */
const LABEL = {
  receipt: 'doc.receipt',
  supplement: 'doc.supplementRequest',
  refusal: 'doc.refusal',
  extension: 'doc.extension',
  stop: 'doc.stopNotice',
  control: 'doc.controlSheet',
};

/**
 * One link per form the server lists, in form-number order.
 * @param {{documents?: DossierDocument[]}} d the dossier
 * @returns {HTMLAnchorElement[]}
 */
export function documentLinks(d) {
  return (d.documents ?? []).map((doc) => docLink(doc.href, t(LABEL[doc.form])));
}
