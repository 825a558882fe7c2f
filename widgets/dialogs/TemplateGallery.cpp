// SPDX-License-Identifier: MIT
#include "dialogs/TemplateGallery.h"

#include "dialogs/TemplateThumbnails.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace mls {

namespace {

constexpr int rowRole = Qt::UserRole + 1;

/// A light card with "…" while the real picture is drawn.
QImage placeholder(const QSize &size, const QPalette &palette)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette.color(QPalette::Base));
    QPainter p(&image);
    p.setPen(palette.color(QPalette::PlaceholderText));
    p.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("…"));
    return image;
}

QString sourceText(TemplateInfo::Source source)
{
    switch (source) {
    case TemplateInfo::Source::BuiltIn:
        return QObject::tr("built in");
    case TemplateInfo::Source::Shared:
        return QObject::tr("installed");
    case TemplateInfo::Source::User:
        return QObject::tr("your templates");
    }
    return {};
}

} // namespace

TemplateGallery::TemplateGallery(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New from Template"));
    m_templates = TemplateLibrary::all();
    m_rendered.fill(false, m_templates.size());
    buildUi();
    fillModel();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    updatePreview();
    resize(1180, 760);
}

void TemplateGallery::buildUi()
{
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search by name or tag (e.g. ranking, llm, streaming)"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &TemplateGallery::applyFilter);

    m_model = new QStandardItemModel(this);
    m_view = new QListView(this);
    m_view->setModel(m_model);
    m_view->setViewMode(QListView::IconMode);
    m_view->setIconSize(thumbnailSize());
    m_view->setGridSize(thumbnailSize() + QSize(28, 56));
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setWordWrap(true);
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_view, &QListView::activated, this, &QDialog::accept);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TemplateGallery::updatePreview);

    m_noMatch = new QLabel(tr("No template matches the search."), this);
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->hide();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_noMatch);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(buildPreview());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("Open"), QDialogButtonBox::AcceptRole);
    m_open->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
}

QWidget *TemplateGallery::buildPreview()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 0, 0, 0);
    m_picture = new QLabel(pane);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumHeight(260);
    m_title = new QLabel(pane);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_summary = new QLabel(pane);
    m_summary->setWordWrap(true);
    m_details = new QLabel(pane);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_steps = new QTextBrowser(pane);
    m_steps->setOpenLinks(false);
    layout->addWidget(m_picture);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_details);
    layout->addWidget(m_steps, 1);
    return pane;
}

void TemplateGallery::fillModel()
{
    const QImage empty = placeholder(thumbnailSize(), palette());
    for (int i = 0; i < m_templates.size(); ++i) {
        const TemplateInfo &t = m_templates[i];
        auto *item = new QStandardItem(QIcon(QPixmap::fromImage(empty)), t.title);
        item->setData(i, rowRole);
        item->setToolTip(t.summary.isEmpty() ? t.title : t.summary);
        item->setEditable(false);
        m_model->appendRow(item);
    }
}

bool TemplateGallery::renderNextThumbnail()
{
    // Visible templates first: those are the ones a person is looking at.
    int next = -1;
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_rendered[row])
            continue;
        if (!m_view->isRowHidden(row)) {
            next = row;
            break;
        }
        if (next < 0)
            next = row;
    }
    if (next < 0)
        return false;
    m_rendered[next] = true;
    const QImage image = TemplateThumbnails::forFile(m_templates[next].path, thumbnailSize());
    if (!image.isNull())
        m_model->item(next)->setIcon(QIcon(QPixmap::fromImage(image)));
    if (next == currentRow())
        updatePreview();
    return true;
}

void TemplateGallery::renderAllThumbnails()
{
    while (renderNextThumbnail()) {
    }
}

QImage TemplateGallery::thumbnail(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return {};
    return m_model->item(row)->icon().pixmap(thumbnailSize()).toImage();
}

void TemplateGallery::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_search->setFocus();
    // One thumbnail per event-loop turn: the dialog paints at once and stays responsive.
    auto *timer = new QTimer(this);
    timer->setInterval(0);
    connect(timer, &QTimer::timeout, this, [this, timer] {
        if (!renderNextThumbnail())
            timer->deleteLater();
    });
    timer->start();
}

bool TemplateGallery::eventFilter(QObject *watched, QEvent *event)
{
    // Down in the search field walks into the grid, as in a file dialog.
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        m_view->setFocus();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

int TemplateGallery::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || m_view->isRowHidden(index.row()))
        return -1;
    return index.row();
}

TemplateInfo TemplateGallery::current() const
{
    const int row = currentRow();
    return row >= 0 ? m_templates[row] : TemplateInfo();
}

QStringList TemplateGallery::visibleNames() const
{
    QStringList names;
    for (int row = 0; row < m_templates.size(); ++row) {
        if (!m_view->isRowHidden(row))
            names << m_templates[row].name;
    }
    return names;
}

bool TemplateGallery::selectTemplate(const QString &name)
{
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_templates[row].name != name)
            continue;
        if (m_view->isRowHidden(row))
            m_search->clear();
        m_view->setCurrentIndex(m_model->index(row, 0));
        return true;
    }
    return false;
}

void TemplateGallery::applyFilter()
{
    const QString text = m_search->text();
    int firstVisible = -1;
    for (int row = 0; row < m_templates.size(); ++row) {
        const bool show = m_templates[row].matches(text);
        m_view->setRowHidden(row, !show);
        if (show && firstVisible < 0)
            firstVisible = row;
    }
    m_noMatch->setVisible(firstVisible < 0);
    if (currentRow() < 0 && firstVisible >= 0)
        m_view->setCurrentIndex(m_model->index(firstVisible, 0));
    updatePreview();
}

void TemplateGallery::updatePreview()
{
    const int row = currentRow();
    m_open->setEnabled(row >= 0);
    if (row < 0) {
        m_picture->clear();
        m_title->clear();
        m_summary->clear();
        m_details->clear();
        m_steps->clear();
        return;
    }
    const TemplateInfo &t = m_templates[row];
    const QSize pictureSize(360, 225);
    m_picture->setPixmap(m_rendered[row]
                             ? QPixmap::fromImage(TemplateThumbnails::forFile(t.path, pictureSize))
                             : QPixmap::fromImage(placeholder(pictureSize, palette())));
    m_title->setText(t.title);
    m_summary->setText(t.summary);
    QString details = tr("%1 components · %2 connections · latency budget %3 ms · %4")
                          .arg(t.componentCount)
                          .arg(t.connectionCount)
                          .arg(t.latencyBudgetMs)
                          .arg(sourceText(t.source));
    details = details.toHtmlEscaped();
    if (!t.tags.isEmpty())
        details = tr("<b>Tags:</b> %1<br>").arg(t.tags.join(QStringLiteral(", ")).toHtmlEscaped()) +
                  details;
    m_details->setText(details);
    QString html;
    int n = 0;
    for (const auto &[id, text] : t.steps) {
        html += QStringLiteral("<p><b>%1. %2</b><br>%3</p>")
                    .arg(++n)
                    .arg(TemplateLibrary::stepTitle(id).toHtmlEscaped(), text.toHtmlEscaped());
    }
    m_steps->setHtml(html);
}

} // namespace mls
