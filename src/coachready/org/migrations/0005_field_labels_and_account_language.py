import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0004_person_language'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='area',
            options={'ordering': ['section__number', 'code'], 'verbose_name': 'area', 'verbose_name_plural': 'areas'},
        ),
        migrations.AlterModelOptions(
            name='auditentry',
            options={'ordering': ['-at', '-id'], 'verbose_name': 'audit entry', 'verbose_name_plural': 'audit entries'},
        ),
        migrations.AlterModelOptions(
            name='person',
            options={'ordering': ['last_name', 'first_name', 'id'], 'verbose_name': 'volunteer', 'verbose_name_plural': 'volunteers'},
        ),
        migrations.AlterModelOptions(
            name='region',
            options={'ordering': ['number'], 'verbose_name': 'region', 'verbose_name_plural': 'regions'},
        ),
        migrations.AlterModelOptions(
            name='roleassignment',
            options={'ordering': ['person_id', 'role', 'start_on'], 'verbose_name': 'role assignment', 'verbose_name_plural': 'role assignments'},
        ),
        migrations.AlterModelOptions(
            name='section',
            options={'ordering': ['number'], 'verbose_name': 'section', 'verbose_name_plural': 'sections'},
        ),
        migrations.AlterModelOptions(
            name='user',
            options={'verbose_name': 'account', 'verbose_name_plural': 'accounts'},
        ),
        migrations.AddField(
            model_name='user',
            name='language',
            field=models.CharField(blank=True, choices=[('en', 'English'), ('es', 'Español'), ('zh-hant', '繁體中文'), ('zh-hans', '简体中文')], max_length=10, verbose_name='language'),
        ),
        migrations.AlterField(
            model_name='person',
            name='birth_date',
            field=models.DateField(blank=True, null=True, verbose_name='birth date'),
        ),
        migrations.AlterField(
            model_name='person',
            name='email',
            field=models.EmailField(blank=True, max_length=254, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='person',
            name='first_name',
            field=models.CharField(max_length=80, verbose_name='first name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='home_region',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='people', to='org.region', verbose_name='home region'),
        ),
        migrations.AlterField(
            model_name='person',
            name='language',
            field=models.CharField(blank=True, choices=[('en', 'English'), ('es', 'Español'), ('zh-hant', '繁體中文'), ('zh-hans', '简体中文')], max_length=10, verbose_name='language'),
        ),
        migrations.AlterField(
            model_name='person',
            name='last_name',
            field=models.CharField(max_length=80, verbose_name='last name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='phone',
            field=models.CharField(blank=True, max_length=40, verbose_name='phone'),
        ),
        migrations.AlterField(
            model_name='person',
            name='preferred_name',
            field=models.CharField(blank=True, max_length=80, verbose_name='preferred name'),
        ),
        migrations.AlterField(
            model_name='person',
            name='status',
            field=models.CharField(choices=[('active', 'Registered volunteer'), ('prospect', 'Interested (not yet registered)'), ('inactive', 'Inactive')], default='active', max_length=12, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='roleassignment',
            name='end_on',
            field=models.DateField(blank=True, null=True, verbose_name='ends on'),
        ),
        migrations.AlterField(
            model_name='roleassignment',
            name='role',
            field=models.CharField(choices=[('regional_commissioner', 'Regional Commissioner'), ('regional_coach_administrator', 'Regional Coach Administrator'), ('child_volunteer_protection_advocate', 'Child and Volunteer Protection Advocate'), ('area_coach_administrator', 'Area Coach Administrator'), ('section_coach_administrator', 'Section Coach Administrator'), ('national_coach', 'National Coach'), ('coach', 'Coach'), ('assistant_coach', 'Assistant Coach'), ('referee', 'Referee'), ('instructor', 'Instructor')], max_length=40, verbose_name='role'),
        ),
        migrations.AlterField(
            model_name='roleassignment',
            name='start_on',
            field=models.DateField(verbose_name='starts on'),
        ),
    ]
