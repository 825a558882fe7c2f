// SPDX-License-Identifier: MIT
#include "dialogs/ExportDialog.h"

#include "Diagram.h"
#include "export/SceneExporter.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QtMath>

namespace mls {

namespace {

const QString group = QStringLiteral("export");

QString withExtension(const QString &path, ExportFormat format)
{
    const QFileInfo info(path);
    const QString base = info.suffix().isEmpty() || !ExportFormats::fromPath(path)
                             ? info.fileName()
                             : info.completeBaseName();
    const QString name = base + QLatin1Char('.') + ExportFormats::extension(format);
    return info.path() == QLatin1String(".") && !path.startsWith(QLatin1String("./"))
               ? name
               : info.dir().filePath(name);
}

QRectF measure(Diagram *diagram, const QStringList &selection)
{
    ExportOptions o;
    o.selection = selection;
    o.margin = 0;
    return SceneExporter(diagram, o).contentRect();
}

} // namespace

ExportDialog::ExportDialog(Diagram *diagram, const QStringList &selection,
                           const QString &suggestedPath, QWidget *parent)
    : QDialog(parent), m_diagram(diagram), m_selection(selection)
{
    setWindowTitle(tr("Export Diagram"));
    createControls();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createForm());
    layout->addWidget(buttons);

    restore(suggestedPath);
    m_wholeRect = measure(diagram, {});
    if (!selection.isEmpty())
        m_selectionRect = measure(diagram, selection);

    connect(m_browse, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::activated, this, &ExportDialog::formatChosen);
    connect(m_path, &QLineEdit::textEdited, this, &ExportDialog::pathEdited);
    for (QComboBox *c : {m_scale, m_background})
        connect(c, &QComboBox::currentIndexChanged, this, &ExportDialog::updateControls);
    connect(m_margin, &QSpinBox::valueChanged, this, &ExportDialog::updateControls);
    connect(m_whole, &QRadioButton::toggled, this, &ExportDialog::updateControls);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    updateControls();
}

void ExportDialog::createControls()
{
    m_path = new QLineEdit(this);
    m_path->setMinimumWidth(360);
    m_browse = new QToolButton(this);
    m_browse->setText(tr("Browse…"));
    m_format = new QComboBox(this);
    for (ExportFormat f : ExportFormats::all())
        m_format->addItem(ExportFormats::name(f) + QStringLiteral(" (.") +
                              ExportFormats::extension(f) + QLatin1Char(')'),
                          int(f));
    const qsizetype n = m_selection.size();
    m_whole = new QRadioButton(tr("&Whole diagram"), this);
    m_selectionOnly = new QRadioButton(n == 0   ? tr("&Selection (nothing selected)")
                                       : n == 1 ? tr("&Selection (1 item)")
                                                : tr("&Selection (%1 items)").arg(n),
                                       this);
    m_selectionOnly->setEnabled(n > 0);
    auto *scope = new QButtonGroup(this);
    scope->addButton(m_whole);
    scope->addButton(m_selectionOnly);
    m_scale = new QComboBox(this);
    for (int s = 1; s <= 4; ++s)
        m_scale->addItem(tr("%1× (%2 DPI)").arg(s).arg(96 * s), s);
    m_background = new QComboBox(this);
    m_background->addItem(tr("White"), int(ExportOptions::Background::White));
    m_background->addItem(tr("Transparent"), int(ExportOptions::Background::Transparent));
    m_background->addItem(tr("Dark"), int(ExportOptions::Background::Dark));
    m_margin = new QSpinBox(this);
    m_margin->setRange(0, int(ExportOptions::maxMargin));
    m_margin->setSuffix(tr(" px"));
    m_markers = new QCheckBox(tr("Show &problem markers on the cards"), this);
    m_legend = new QCheckBox(tr("Show the flow &legend (what each arrow style carries)"), this);
    m_legend->setObjectName(QStringLiteral("exportFlowLegend"));
    m_size = new QLabel(this);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
}

QFormLayout *ExportDialog::createForm()
{
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_whole);
    scopeRow->addWidget(m_selectionOnly);
    scopeRow->addStretch();
    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("Export:"), scopeRow);
    form->addRow(tr("S&cale:"), m_scale);
    form->addRow(tr("&Background:"), m_background);
    form->addRow(tr("&Margin:"), m_margin);
    form->addRow(QString(), m_markers);
    form->addRow(QString(), m_legend);
    form->addRow(tr("Size:"), m_size);
    form->addRow(QString(), m_note);
    return form;
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.scale = m_scale->currentData().toInt();
    o.background = ExportOptions::Background(m_background->currentData().toInt());
    o.margin = m_margin->value();
    o.problemMarkers = m_markers->isChecked();
    o.flowLegend = m_legend->isChecked();
    if (m_selectionOnly->isChecked())
        o.selection = m_selection;
    return o;
}

ExportOptions ExportDialog::rememberedOptions()
{
    QSettings s;
    s.beginGroup(group);
    ExportOptions o;
    o.scale = std::clamp(s.value(QStringLiteral("scale"), 1).toInt(), 1, 4);
    o.background =
        ExportOptions::backgroundFromName(s.value(QStringLiteral("background")).toString())
            .value_or(ExportOptions::Background::White);
    o.margin =
        std::clamp(s.value(QStringLiteral("margin"), 24).toInt(), 0, int(ExportOptions::maxMargin));
    o.problemMarkers = s.value(QStringLiteral("markers"), false).toBool();
    o.flowLegend = s.value(QStringLiteral("flowLegend"), true).toBool();
    return o;
}

void ExportDialog::restore(const QString &suggestedPath)
{
    const ExportOptions o = rememberedOptions();
    m_scale->setCurrentIndex(m_scale->findData(int(o.scale)));
    m_background->setCurrentIndex(m_background->findData(int(o.background)));
    m_margin->setValue(int(o.margin));
    m_markers->setChecked(o.problemMarkers);
    m_legend->setChecked(o.flowLegend);
    QSettings s;
    s.beginGroup(group);
    const auto format = ExportFormats::fromPath(
        QStringLiteral("x.") + s.value(QStringLiteral("format"), QStringLiteral("png")).toString());
    const ExportFormat f = format.value_or(ExportFormat::Png);
    m_format->setCurrentIndex(m_format->findData(int(f)));
    // The folder of the last export, the name of this diagram.
    const QString folder = s.value(QStringLiteral("folder")).toString();
    QString path = suggestedPath;
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        path = QDir(folder).filePath(QFileInfo(suggestedPath).fileName());
    m_path->setText(withExtension(path, f));
    const bool selectionOnly = s.value(QStringLiteral("selectionOnly"), false).toBool();
    (selectionOnly && !m_selection.isEmpty() ? m_selectionOnly : m_whole)->setChecked(true);
}

void ExportDialog::remember() const
{
    QSettings s;
    s.beginGroup(group);
    const ExportOptions o = options();
    s.setValue(QStringLiteral("scale"), int(o.scale));
    s.setValue(QStringLiteral("background"), ExportOptions::backgroundName(o.background));
    s.setValue(QStringLiteral("margin"), int(o.margin));
    s.setValue(QStringLiteral("markers"), o.problemMarkers);
    s.setValue(QStringLiteral("flowLegend"), o.flowLegend);
    s.setValue(QStringLiteral("format"), ExportFormats::extension(format()));
    s.setValue(QStringLiteral("folder"), QFileInfo(path()).absolutePath());
    s.setValue(QStringLiteral("selectionOnly"), m_selectionOnly->isChecked());
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export To"), path(), ExportFormats::filter(format()), nullptr,
        QFileDialog::DontConfirmOverwrite); // accept() asks, for typed paths too
    if (chosen.isEmpty())
        return;
    m_path->setText(ExportFormats::fromPath(chosen) ? chosen : withExtension(chosen, format()));
    pathEdited();
}

void ExportDialog::formatChosen()
{
    if (!path().isEmpty())
        m_path->setText(withExtension(path(), format()));
    updateControls();
}

void ExportDialog::pathEdited()
{
    if (const auto f = ExportFormats::fromPath(path()))
        m_format->setCurrentIndex(m_format->findData(int(*f)));
    updateControls();
}

void ExportDialog::updateControls()
{
    const ExportFormat f = format();
    const bool drawn = ExportFormats::isImage(f) || f == ExportFormat::Markdown;
    for (QWidget *w : {static_cast<QWidget *>(m_scale), static_cast<QWidget *>(m_background),
                       static_cast<QWidget *>(m_margin), static_cast<QWidget *>(m_markers),
                       static_cast<QWidget *>(m_legend)})
        w->setEnabled(drawn);
    const QRectF content = m_selectionOnly->isChecked() ? m_selectionRect : m_wholeRect;
    const qreal m = m_margin->value();
    const qreal scale = m_scale->currentData().toInt();
    const QSizeF board = content.adjusted(-m, -m, m, m).size();
    if (!drawn)
        m_size->setText(tr("text: components, connections and zones"));
    else if (f == ExportFormat::Png || f == ExportFormat::Markdown)
        m_size->setText(tr("%1 × %2 px at %3 DPI")
                            .arg(qCeil(board.width() * scale))
                            .arg(qCeil(board.height() * scale))
                            .arg(96 * int(scale)));
    else
        m_size->setText(tr("%1 × %2 mm")
                            .arg(qRound(board.width() * scale * 25.4 / 96))
                            .arg(qRound(board.height() * scale * 25.4 / 96)));
    switch (f) {
    case ExportFormat::Markdown:
        m_note->setText(tr("Writes a design review (findings, latency, components) and the "
                           "diagram as %1 next to it.")
                            .arg(QFileInfo(path()).completeBaseName() + QStringLiteral(".png")));
        break;
    case ExportFormat::Dot:
        m_note->setText(tr("Graphviz: render with dot -Tsvg, zones become clusters."));
        break;
    case ExportFormat::Mermaid:
        m_note->setText(tr("Paste into Markdown on GitHub or GitLab inside a ```mermaid block."));
        break;
    case ExportFormat::Text:
        m_note->setText(tr("The design as text (no positions); mlsketch opens it again."));
        break;
    default:
        m_note->setText(tr("Exactly what the board shows, without selection and grid."));
    }
}

void ExportDialog::accept()
{
    const QString p = path();
    if (p.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Choose a file to export to."));
        return;
    }
    if (!ExportFormats::fromPath(p)) {
        QMessageBox::warning(this, windowTitle(),
                             tr("mlsketch cannot tell the format of “%1” from its extension. "
                                "Use %2.")
                                 .arg(QFileInfo(p).fileName(), ExportFormats::extensionList()));
        return;
    }
    if (QFileInfo::exists(p) &&
        QMessageBox::question(this, windowTitle(),
                              tr("“%1” already exists. Replace it?").arg(QFileInfo(p).fileName()),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    remember();
    QDialog::accept();
}

} // namespace mls
