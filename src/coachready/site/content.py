"""The starting words of a region's website, written for CoachReady from the
facts of the region's coach page. Editors change all of it in the CMS; the
rules themselves are never here (the live pages render them from policy).

Every word goes through the site's catalogue, and each function returns its
words in the active language: the site is built once per language
(`services.tree`), each page a translation of the English one, so a region
starts with its pages in English, Spanish and Chinese and edits them from there.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _body(*blocks: tuple[str, object]) -> list[dict]:
    return [{"type": kind, "value": value} for kind, value in blocks]


def home(region) -> dict:  # noqa: ANN001 - org.Region
    return {
        "title": _("Region %(number)s home") % {"number": region.number},
        "seo_title": _("Home"),
        "hero_heading": _("World class youth soccer programs that enrich children's lives."),
        "hero_text": _(
            "%(region)s is run by volunteers: parents and neighbours who coach, referee and organise so that "
            "every child plays."
        ) % {"region": region.display_name},
        "mission": _p(
            _("Our mission is to provide world class youth soccer programs that enrich children's lives. "
              "Everyone plays, teams are balanced, and good sportsmanship comes first."),
            _("We put player development ahead of winning: a good season is one in which every child learned "
              "new skills, grew in confidence and had fun with their team."),
        ),
        "recruiting_heading": _("We are now recruiting volunteer coaches"),
        "recruiting_text": _p(
            _("Coaching is a rewarding way to help children learn skills, teamwork and a positive attitude. "
              "You do not need any experience: the region trains you in age-appropriate coaching through "
              "certification classes and coach clinics during the season."),
        ),
        "search_description": _(
            "Youth soccer in %(area)s: become a volunteer coach, find a training class, or contact the region."
        ) % {"area": region.name},
    }


def become_intro() -> str:
    return _p(
        _("<b>The coach's job.</b> A coach is a volunteer who teaches children soccer skills and helps them "
          "develop a positive attitude, teamwork and good sportsmanship. Prior experience is not necessary: the "
          "region teaches age-appropriate coaching through its certification classes and coach clinics."),
        _("Most courses are online: sign in to your AYSO account, open the Volunteer tab and then AYSOU. "
          "In-person classes are listed under Training Events there and on our coach clinics page."),
    )


def job_description(region) -> list[dict]:  # noqa: ANN001 - org.Region
    """The volunteer coach's duties, from the region's coach page."""
    return _body(
        ("paragraph", _p(
            _("An AYSO coach is a volunteer who teaches children soccer skills and helps them develop a positive "
              "attitude, teamwork and good sportsmanship. Coaching is rewarding: you build a child's "
              "self-esteem, help them learn new skills, and have fun while doing it. Prior experience is not "
              "necessary."),
        )),
        ("heading", _("What a coach does")),
        ("paragraph", _p(
            _("<b>Teaches skills.</b> Plans and runs practices that teach age-appropriate soccer skills, using "
              "what the certification classes and coach clinics teach."),
            _("<b>Builds a positive attitude.</b> Encourages every player, praises effort, and keeps practices "
              "and games fun."),
            _("<b>Teaches teamwork and sportsmanship.</b> Shows players how to play together and to respect "
              "team-mates, opponents, referees and spectators, and sets that example on the sideline."),
            _("<b>Puts player development ahead of winning.</b> “Winning is not everything, at AYSO we "
              "focus on player development”: every child plays, and a good season is one in which each "
              "player learned and grew."),
        )),
        ("heading", _("Certified and safe")),
        ("paragraph", _p(
            _("<b>Gets certified and stays current.</b> Completes Safe Haven, concussion and sudden cardiac "
              "arrest training, SafeSport (renewed every three years), a background check every year, Live "
              "Scan, the Regional Referee course and the coach course for the division, before coaching."),
            _("<b>Keeps children safe.</b> Follows Safe Haven: the well-being of each child comes first, no "
              "coach is alone with a child, and injuries, suspected concussions and concerns are handled and "
              "reported as the training teaches."),
            _("<b>Follows the heading rules.</b> No heading in 12U and younger; in 14U at most thirty minutes of "
              "heading practice a week, as the region's heading page explains."),
        )),
        ("heading", _("Working with the region")),
        ("paragraph", _p(
            _("Communicates with the team's families, attends the region's coach meetings and clinics, and "
              "works with the Regional Coach Administrator of %(region)s, who answers questions about "
              "certification.") % {"region": region.display_name},
        )),
    )


def become_outro() -> str:
    return _p(
        _("<b>Why Safe Haven and Concussion training?</b> They make sure the well-being of each child comes "
          "first, explain how AYSO works, and teach coaches to manage risk so that neither they nor the "
          "children end up in unsafe situations. They are also part of what protects volunteers under the "
          "Volunteer Protection Act."),
        _("Questions about certification or cross-certification? Contact the Regional Coach Administrator "
          "through our contact page."),
    )


def heading_intro() -> str:
    return _p(
        _("In line with U.S. Soccer's guidance on heading the ball, AYSO limits heading for young players. "
          "The table below shows what applies in each division, in practice and in matches."),
    )


def schoolyard_intro() -> str:
    return _p(
        _("School Yard is our program for the youngest players, about five years old. It is played "
          "“one with one”: a parent or carer plays beside each child, and a leader runs a session of "
          "about an hour that ends in a small game."),
        _("Children learn FUNdamental motor skills such as running, jumping, twisting and dodging, and soccer "
          "skills such as kicking, dribbling and stopping the ball, with no pressure. The ten weekly sessions "
          "below build on each other; any week can be repeated as often as the group needs."),
    )


def clinics_intro() -> str:
    return _p(
        _("Certification classes and coach clinics are held locally throughout the year. Courses grant a "
          "certification; clinics help coaches plan practices and grow during the season."),
    )


def partners() -> list[dict]:
    # The organisations' names stay as they write them; what they do is translated.
    return _body(
        ("paragraph", _p(_("Our program works alongside national organisations that support safe, fun youth "
                           "soccer."))),
        ("partner", {"name": "American Youth Soccer Organization", "url": "https://www.ayso.org/",
                     "description": _("The national organisation our region belongs to.")}),
        ("partner", {"name": "U.S. Soccer", "url": "https://www.ussoccer.com/",
                     "description": _("Sets the heading guidance our rules follow and offers SafeSport training.")}),
        ("partner", {"name": "U.S. Center for SafeSport", "url": "https://uscenterforsafesport.org/",
                     "description": _("Abuse-prevention training and reporting for sport.")}),
        ("partner", {"name": "CDC HEADS UP", "url": "https://www.cdc.gov/heads-up/",
                     "description": _("Concussion awareness training for coaches and parents.")}),
    )


def contact_intro(region) -> str:  # noqa: ANN001
    return _p(
        _("Questions about playing, coaching or volunteering with %(region)s? Send us a message and a volunteer "
          "will answer by email. For anything urgent about a child's safety, call the region.")
        % {"region": region.display_name},
    )


def privacy(region) -> list[dict]:  # noqa: ANN001
    return _body(
        ("paragraph", _p(
            _("This statement explains what %(region)s keeps about the people who use this website and the "
              "coaching system behind it, and why.") % {"region": region.display_name},
        )),
        ("heading", _("What we keep about volunteers")),
        ("paragraph", _p(
            _("Your name, contact details, roles, and the certifications you hold with the dates you completed "
              "them. We keep these so we can tell you when a certification is due and so the region can check "
              "that every coach is certified for the division they coach."),
            _("Your birth date, phone number and background-check status are seen only by you and by the "
              "administrators whose role covers your region. Changes to certifications and roles are logged "
              "with who made them and when."),
        )),
        ("heading", _("Messages you send us")),
        ("paragraph", _p(
            _("When you use the contact or volunteer form we keep your name, email address, your message and "
              "the network address it came from (to stop automated abuse). Only the region's administrators "
              "read them."),
        )),
        ("heading", _("What we do not do")),
        ("paragraph", _p(_("We do not sell or share your data, show advertising, or use third-party trackers."))),
    )


def terms(region) -> list[dict]:  # noqa: ANN001
    return _body(
        ("paragraph", _p(
            _("This website is provided by the volunteers of %(region)s for players, families and volunteers of "
              "the region.") % {"region": region.display_name},
            _("Information about rules, courses and dates is given in good faith and may change; the region's "
              "administrators have the final word on eligibility and certification."),
            _("Please do not send personal details of children through the contact form, and do not use the "
              "site to send unsolicited messages. Accounts are personal: do not share your sign-in."),
        )),
    )


def licence_agreement(region) -> list[dict]:  # noqa: ANN001 - org.Region
    """The website's licence terms: what visitors may do with its content."""
    name = region.display_name
    return _body(
        ("paragraph", _p(
            _("This agreement sets out how you may use the content of the %(region)s website: its pages, "
              "documents, images and the coaching material it offers, such as the School Yard weeks and the "
              "heading rules.") % {"region": name},
        )),
        ("heading", _("What you may do")),
        ("paragraph", _p(
            _("You may read, print, download and share the content for your own use and for the non-commercial "
              "purposes of youth soccer: running your team's practices, informing families, and training "
              "volunteers. Please keep the region's name with anything you copy."),
        )),
        ("heading", _("What you may not do")),
        ("paragraph", _p(
            _("You may not sell the content, present it as your own, change it in a way that misrepresents the "
              "rules, or use the names and logos of AYSO or the region to suggest an endorsement. Logos and "
              "trademarks belong to their owners and are not licensed by this agreement."),
            _("Documents and links from national partners remain under their own terms."),
        )),
        ("heading", _("No warranty")),
        ("paragraph", _p(
            _("The content is provided in good faith by volunteers, as it is. Rules and dates may change; the "
              "region's administrators have the final word on eligibility and certification."),
            _("Questions about this agreement or a request to use the content otherwise: write to the region "
              "through the contact page."),
        )),
    )


def childrens_privacy(region) -> list[dict]:  # noqa: ANN001
    return _body(
        ("paragraph", _p(
            _("%(region)s keeps as little as possible about children, and only what a volunteer needs to run a "
              "team safely.") % {"region": region.display_name},
        )),
        ("heading", _("What the system stores about children")),
        ("paragraph", _p(
            _("No player records. Where a coach keeps a practice heading log for an older team, a player is "
              "known only by a team-local id and a display name the coach chooses (a first name or a shirt "
              "number), so the log can show that heading limits were respected."),
            _("Teams keep the same minimum: an id and a display name. Player registration, birth dates, "
              "medical information and parents' details are not stored here."),
        )),
        ("heading", pgettext("why we keep so little", "Why")),
        ("paragraph", _p(
            _("Heading limits protect young players; a log lets a coach show they kept them. Anything beyond "
              "that would add risk without helping a child, so we do not collect it."),
            _("Children do not have accounts on this website. Parents with questions may contact the region."),
        )),
    )
