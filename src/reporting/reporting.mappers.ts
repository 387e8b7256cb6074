import type { Readable } from '../confidentiality/content-category';
import { sealed, type Undisclosed } from '../confidentiality/disclosure';
import type { ReportDto, ReportSectionDto } from './dto/report.dto';
import type { LoadedReport } from './report.repository';

/**
 * A report before the disclosure step: each section sealed with its category, so that the
 * serializer removes, without a trace, any section the reader may not read.
 */
export function toReportDto(loaded: LoadedReport, readable: Readable): Undisclosed<ReportDto> {
  const { report, sections, supersededById } = loaded;
  const readableSections = sections.filter((s) => readable.has(s.category));
  return {
    id: report.id,
    referralId: report.referralId,
    kind: report.kind,
    periodFrom: report.periodFrom,
    periodUntil: report.periodUntil,
    status: report.status,
    edition: report.edition,
    correctsId: report.correctsId,
    supersededById,
    submittedAt: report.submittedAt,
    sections: sections.map((s) =>
      sealed<ReportSectionDto>(s.category, {
        id: s.id,
        category: s.category,
        text: s.text,
        fields: s.fields,
      }),
    ),
    nothingReleased: readableSections.length === 0,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
  };
}
